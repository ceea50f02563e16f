// Writes a 32-bit float stereo WAV file.
#pragma once

#include <string>
#include <vector>

namespace sideman::host {

bool writeWavFloat(const std::string& path, const std::vector<float>& left, const std::vector<float>& right,
                   int sampleRate, std::string& error);

} // namespace sideman::host
