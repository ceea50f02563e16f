#include "utf16.h"

namespace sideman {

void utf8ToUtf16(char16_t* dst, int capacity, const std::string& src) {
    if (capacity <= 0) return;
    int out = 0;
    for (size_t i = 0; i < src.size() && out < capacity - 1;) {
        unsigned char c = static_cast<unsigned char>(src[i]);
        char32_t cp;
        int len;
        if (c < 0x80) { cp = c; len = 1; }
        else if ((c >> 5) == 0x6) { cp = c & 0x1F; len = 2; }
        else if ((c >> 4) == 0xE) { cp = c & 0x0F; len = 3; }
        else { cp = c & 0x07; len = 4; }
        if (i + static_cast<size_t>(len) > src.size()) break;
        for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(src[i + k]) & 0x3F);
        i += static_cast<size_t>(len);
        if (cp >= 0x10000) {
            if (out + 2 >= capacity) break;
            cp -= 0x10000;
            dst[out++] = static_cast<char16_t>(0xD800 + (cp >> 10));
            dst[out++] = static_cast<char16_t>(0xDC00 + (cp & 0x3FF));
        } else {
            dst[out++] = static_cast<char16_t>(cp);
        }
    }
    dst[out] = 0;
}

namespace {
template <typename C>
std::string toUtf8(const C* src) {
    std::string out;
    if (src == nullptr) return out;
    for (size_t i = 0; src[i] != 0; ++i) {
        char32_t cp = static_cast<uint16_t>(src[i]);
        if (cp >= 0xD800 && cp < 0xDC00 && src[i + 1] >= 0xDC00 && src[i + 1] < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<uint16_t>(src[i + 1]) - 0xDC00);
            ++i;
        }
        if (cp < 0x80) out += static_cast<char>(cp);
        else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
        else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    return out;
}
} // namespace

std::string utf16ToUtf8(const uint16_t* src) { return toUtf8(src); }
std::string utf16ToUtf8(const char16_t* src) { return toUtf8(src); }

} // namespace sideman
