#include "wav_writer.h"

#include <cstdint>
#include <cstdio>

#include "utf8_system.h"

namespace sideman::host {

namespace {
void put32(std::FILE* f, uint32_t v) {
    uint8_t b[4] = {uint8_t(v), uint8_t(v >> 8), uint8_t(v >> 16), uint8_t(v >> 24)};
    std::fwrite(b, 1, 4, f);
}
void put16(std::FILE* f, uint16_t v) {
    uint8_t b[2] = {uint8_t(v), uint8_t(v >> 8)};
    std::fwrite(b, 1, 2, f);
}
} // namespace

bool writeWavFloat(const std::string& path, const std::vector<float>& left, const std::vector<float>& right,
                   int sampleRate, std::string& error) {
    std::FILE* f = openFile(path, "wb");
    if (f == nullptr) {
        error = path + ": cannot open for writing";
        return false;
    }
    const uint32_t frames = static_cast<uint32_t>(left.size());
    const uint32_t dataBytes = frames * 2 * 4;
    std::fwrite("RIFF", 1, 4, f);
    put32(f, 4 + (8 + 18) + (8 + 4) + (8 + dataBytes));
    std::fwrite("WAVE", 1, 4, f);
    std::fwrite("fmt ", 1, 4, f);
    put32(f, 18);
    put16(f, 3); // IEEE float
    put16(f, 2);
    put32(f, static_cast<uint32_t>(sampleRate));
    put32(f, static_cast<uint32_t>(sampleRate) * 8);
    put16(f, 8);
    put16(f, 32);
    put16(f, 0);
    std::fwrite("fact", 1, 4, f);
    put32(f, 4);
    put32(f, frames);
    std::fwrite("data", 1, 4, f);
    put32(f, dataBytes);
    for (uint32_t i = 0; i < frames; ++i) {
        float pair[2] = {left[i], i < right.size() ? right[i] : left[i]};
        std::fwrite(pair, sizeof(float), 2, f);
    }
    bool ok = std::ferror(f) == 0;
    ok = (std::fclose(f) == 0) && ok;
    if (!ok) error = path + ": write failed (disk full?)";
    return ok;
}

} // namespace sideman::host
