// Whole-buffer reads and writes over a host IBStream (hosts may return short reads).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vst3/ibstream.h"

namespace sideman {

// [main] Reads until the stream ends. Fails (with a reason) on a stream error or when the
// data exceeds maxBytes.
bool readWholeStream(vst3::IBStream* stream, std::vector<uint8_t>& out, std::string& error,
                     size_t maxBytes = 256u * 1024u * 1024u);

// [main] Writes all bytes, looping over short writes.
bool writeWholeStream(vst3::IBStream* stream, const uint8_t* data, size_t size, std::string& error);

} // namespace sideman
