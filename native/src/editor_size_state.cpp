#include "editor_size_state.h"

#include <cmath>
#include <cstring>

namespace sideman {

namespace {
constexpr uint8_t kMagic[4] = {'S', 'M', 'E', 'D'};
constexpr uint32_t kVersion = 1;

void putU32(std::vector<uint8_t>& out, uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<uint8_t>(v >> (8 * i)));
}

uint32_t getU32(const uint8_t* p) {
    return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

float asFloat(uint32_t bits) {
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}

uint32_t bitsOf(float f) {
    uint32_t bits;
    std::memcpy(&bits, &f, sizeof bits);
    return bits;
}

bool usable(float v) { return std::isfinite(v) && v >= 100.0f && v <= 16384.0f; }
} // namespace

std::vector<uint8_t> writeEditorSize(const EditorSize& size) {
    std::vector<uint8_t> out(kMagic, kMagic + 4);
    putU32(out, kVersion);
    putU32(out, bitsOf(size.width));
    putU32(out, bitsOf(size.height));
    return out;
}

bool readEditorSize(const uint8_t* data, size_t length, EditorSize& size) {
    if (data == nullptr || length < 16 || std::memcmp(data, kMagic, 4) != 0 || getU32(data + 4) != kVersion) return false;
    const float width = asFloat(getU32(data + 8)), height = asFloat(getU32(data + 12));
    if (!usable(width) || !usable(height)) return false;
    size = EditorSize{width, height};
    return true;
}

} // namespace sideman
