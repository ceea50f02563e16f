// Small UTF-16 helpers for VST3 String128 and the bridge ABI's uint16 strings.
#pragma once

#include <cstdint>
#include <string>

namespace sideman {

// Copies a NUL-terminated UTF-16 string into dst (capacity units, always terminated).
template <typename Dst, typename Src>
void copyUtf16(Dst* dst, int capacity, const Src* src) {
    if (capacity <= 0) return;
    int i = 0;
    if (src != nullptr)
        for (; i < capacity - 1 && src[i] != 0; ++i) dst[i] = static_cast<Dst>(src[i]);
    dst[i] = 0;
}

// ASCII/UTF-8 (BMP only) to UTF-16 into a fixed buffer.
void utf8ToUtf16(char16_t* dst, int capacity, const std::string& src);

// UTF-16 (NUL-terminated) to UTF-8.
std::string utf16ToUtf8(const uint16_t* src);
std::string utf16ToUtf8(const char16_t* src);

} // namespace sideman
