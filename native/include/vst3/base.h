// Our own declaration of the VST3 base ABI: integer types, result codes, class ids, FUnknown.
// Facts (IIDs, method order, layouts) follow the public VST3 pluginterfaces; the code is ours.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

// Windows builds use __stdcall and COM byte order for ids; everything else uses the plain
// C calling convention and big-endian byte order for the four 32-bit words of an id.
#if defined(_WIN32)
#define VST3_API __stdcall
#define VST3_COM_COMPATIBLE 1
#else
#define VST3_API
#define VST3_COM_COMPATIBLE 0
#endif

// Struct packing: natural alignment on 64-bit (the SDK's pack(16) on Windows/macOS x64 is
// the natural layout); 32-bit Windows uses pack(8), which MSVC uses by default anyway.
#if defined(_WIN32) && !defined(_WIN64)
#define VST3_PACK_PUSH __pragma(pack(push, 8))
#define VST3_PACK_POP __pragma(pack(pop))
#else
#define VST3_PACK_PUSH
#define VST3_PACK_POP
#endif

namespace vst3 {

using int8 = int8_t;
using uint8 = uint8_t;
using int16 = int16_t;
using uint16 = uint16_t;
using int32 = int32_t;
using uint32 = uint32_t;
using int64 = int64_t;
using uint64 = uint64_t;
using char8 = char;
using char16 = char16_t;
using TChar = char16_t;
using String128 = TChar[128];
using tresult = int32_t;
using TBool = uint8_t;
using FIDString = const char*;
using TUID = char[16];

#if VST3_COM_COMPATIBLE
enum : tresult {
    kNoInterface = static_cast<tresult>(0x80004002L),
    kResultOk = 0,
    kResultTrue = 0,
    kResultFalse = 1,
    kInvalidArgument = static_cast<tresult>(0x80070057L),
    kNotImplemented = static_cast<tresult>(0x80004001L),
    kInternalError = static_cast<tresult>(0x80004005L),
    kNotInitialized = static_cast<tresult>(0x8000FFFFL),
    kOutOfMemory = static_cast<tresult>(0x8007000EL)
};
#else
enum : tresult {
    kNoInterface = -1,
    kResultOk = 0,
    kResultTrue = 0,
    kResultFalse = 1,
    kInvalidArgument = 2,
    kNotImplemented = 3,
    kInternalError = 4,
    kNotInitialized = 5,
    kOutOfMemory = 6
};
#endif

// A 16-byte id made from four 32-bit words, in the byte order the platform's hosts expect.
struct Uid {
    char bytes[16];
};

constexpr Uid makeUid(uint32_t l1, uint32_t l2, uint32_t l3, uint32_t l4) {
#if VST3_COM_COMPATIBLE
    return Uid{{char(l1 & 0xFF), char((l1 >> 8) & 0xFF), char((l1 >> 16) & 0xFF), char((l1 >> 24) & 0xFF),
                char((l2 >> 16) & 0xFF), char((l2 >> 24) & 0xFF), char(l2 & 0xFF), char((l2 >> 8) & 0xFF),
                char((l3 >> 24) & 0xFF), char((l3 >> 16) & 0xFF), char((l3 >> 8) & 0xFF), char(l3 & 0xFF),
                char((l4 >> 24) & 0xFF), char((l4 >> 16) & 0xFF), char((l4 >> 8) & 0xFF), char(l4 & 0xFF)}};
#else
    return Uid{{char((l1 >> 24) & 0xFF), char((l1 >> 16) & 0xFF), char((l1 >> 8) & 0xFF), char(l1 & 0xFF),
                char((l2 >> 24) & 0xFF), char((l2 >> 16) & 0xFF), char((l2 >> 8) & 0xFF), char(l2 & 0xFF),
                char((l3 >> 24) & 0xFF), char((l3 >> 16) & 0xFF), char((l3 >> 8) & 0xFF), char(l3 & 0xFF),
                char((l4 >> 24) & 0xFF), char((l4 >> 16) & 0xFF), char((l4 >> 8) & 0xFF), char(l4 & 0xFF)}};
#endif
}

inline bool uidEquals(const void* a, const Uid& b) {
    return a != nullptr && std::memcmp(a, b.bytes, 16) == 0;
}

#define VST3_IID(Interface, l1, l2, l3, l4) \
    static constexpr ::vst3::Uid iid = ::vst3::makeUid(l1, l2, l3, l4)

class FUnknown {
public:
    virtual tresult VST3_API queryInterface(const TUID iid, void** obj) = 0;
    virtual uint32 VST3_API addRef() = 0;
    virtual uint32 VST3_API release() = 0;
    VST3_IID(FUnknown, 0x00000000, 0x00000000, 0xC0000000, 0x00000046);
};

} // namespace vst3
