#include "stream_io.h"

#include <algorithm>

namespace sideman {

bool readWholeStream(vst3::IBStream* stream, std::vector<uint8_t>& out, std::string& error, size_t maxBytes) {
    out.clear();
    if (stream == nullptr) {
        error = "no stream";
        return false;
    }
    constexpr vst3::int32 kChunk = 64 * 1024;
    for (;;) {
        size_t old = out.size();
        if (old >= maxBytes + 1) {
            error = "state is larger than " + std::to_string(maxBytes) + " bytes";
            return false;
        }
        out.resize(old + kChunk);
        vst3::int32 got = 0;
        vst3::tresult rc = stream->read(out.data() + old, kChunk, &got);
        got = std::max<vst3::int32>(0, std::min(got, kChunk));
        out.resize(old + static_cast<size_t>(got));
        if (rc != vst3::kResultOk && got == 0) {
            // Many hosts answer kResultFalse at the end of the stream; that is the end, not an error.
            if (rc == vst3::kResultFalse) break;
            if (out.empty()) {
                error = "stream read failed with code " + std::to_string(rc);
                return false;
            }
            break;
        }
        if (got == 0) break;
    }
    if (out.size() > maxBytes) {
        error = "state is larger than " + std::to_string(maxBytes) + " bytes";
        return false;
    }
    return true;
}

bool writeWholeStream(vst3::IBStream* stream, const uint8_t* data, size_t size, std::string& error) {
    if (stream == nullptr) {
        error = "no stream";
        return false;
    }
    size_t done = 0;
    int stalls = 0;
    while (done < size) {
        auto want = static_cast<vst3::int32>(std::min<size_t>(size - done, 1u << 30));
        vst3::int32 wrote = 0;
        vst3::tresult rc = stream->write(const_cast<uint8_t*>(data + done), want, &wrote);
        if (rc != vst3::kResultOk) {
            error = "stream write failed with code " + std::to_string(rc);
            return false;
        }
        if (wrote <= 0) {
            if (++stalls > 8) {
                error = "stream accepted no bytes";
                return false;
            }
            continue;
        }
        done += static_cast<size_t>(wrote);
    }
    return true;
}

} // namespace sideman
