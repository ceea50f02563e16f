// Compiled (not run) by cross-compile-windows.sh with mingw-w64: the Windows rules of our VST3
// declarations hold. Every check is a static_assert, so compiling is the test.
//  - Interface ids in COM byte order: the first three fields of the GUID little-endian.
//  - The result codes are the COM HRESULTs (E_NOINTERFACE, E_INVALIDARG, ...).
//  - Struct layouts: the 64-bit sizes the SDK pins (vststructsizecheck.h) hold on LLP64 too.
//  - The calling-convention macro is __stdcall (meaningful on 32-bit; x64 has one convention).
#include <type_traits>

#include "class_ids.h"
#include "vst3/vst3.h"

#if !defined(_WIN32)
#error "windows_abi_check.cpp is for a Windows target (mingw-w64)"
#endif

namespace {
using namespace vst3;

constexpr bool bytesAre(const Uid& id, const unsigned char (&expected)[16]) {
    for (int i = 0; i < 16; ++i)
        if (static_cast<unsigned char>(id.bytes[i]) != expected[i]) return false;
    return true;
}

static_assert(VST3_COM_COMPATIBLE == 1, "Windows builds must use COM byte order");

// FUnknown = COM's IUnknown {00000000-0000-0000-C000-000000000046}.
constexpr unsigned char kIUnknownBytes[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0xC0, 0, 0, 0, 0, 0, 0, 0x46};
static_assert(bytesAre(FUnknown::iid, kIUnknownBytes), "FUnknown must equal COM's IUnknown");

// IComponent E831FF31-F2D54301-928EBBEE-25697802: Data1, Data2, Data3 little-endian, Data4 as is.
constexpr unsigned char kIComponentBytes[16] = {0x31, 0xFF, 0x31, 0xE8, 0xD5, 0xF2, 0x01, 0x43,
                                                0x92, 0x8E, 0xBB, 0xEE, 0x25, 0x69, 0x78, 0x02};
static_assert(bytesAre(IComponent::iid, kIComponentBytes), "IComponent id in COM byte order");

// Our processor class 1c088231-ab76-4fdb-8142-4941fd40554d, as a Windows host stores it.
constexpr unsigned char kProcessorBytes[16] = {0x31, 0x82, 0x08, 0x1C, 0x76, 0xAB, 0xDB, 0x4F,
                                               0x81, 0x42, 0x49, 0x41, 0xFD, 0x40, 0x55, 0x4D};
static_assert(bytesAre(sideman::kProcessorUid, kProcessorBytes), "processor class id in COM byte order");

static_assert(kNoInterface == static_cast<tresult>(0x80004002L), "E_NOINTERFACE");
static_assert(kInvalidArgument == static_cast<tresult>(0x80070057L), "E_INVALIDARG");
static_assert(kNotImplemented == static_cast<tresult>(0x80004001L), "E_NOTIMPL");
static_assert(kResultOk == 0 && kResultFalse == 1, "S_OK / S_FALSE");

static_assert(sizeof(void*) == 8, "the Windows build checked here is x64");
static_assert(sizeof(ProcessData) == 80 && sizeof(Event) == 48 && sizeof(ProcessContext) == 112, "SDK sizes");
static_assert(sizeof(ParameterInfo) == 792 && sizeof(BusInfo) == 276 && sizeof(PClassInfoW) == 696, "SDK sizes");
static_assert(sizeof(TChar) == 2 && sizeof(wchar_t) == 2, "UTF-16 strings are wchar_t-sized on Windows");

// The convention macro is __stdcall: a method type declared with it is the type our
// interfaces use (on x64 the compiler treats both alike; on 32-bit this pins the ABI).
using QueryFn = tresult (__stdcall FUnknown::*)(const TUID, void**);
static_assert(std::is_same_v<QueryFn, decltype(&FUnknown::queryInterface)>, "FUnknown methods are __stdcall");
using ProcessFn = tresult (__stdcall IAudioProcessor::*)(ProcessData&);
static_assert(std::is_same_v<ProcessFn, decltype(&IAudioProcessor::process)>, "IAudioProcessor methods are __stdcall");
} // namespace
