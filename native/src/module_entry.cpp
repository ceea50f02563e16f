// The module's exported entry points, as VST3 hosts look them up on each OS.
#include "com_object.h"
#include "factory.h"

#if defined(_WIN32)
#define SIDEMAN_EXPORT extern "C" __declspec(dllexport)
#else
#define SIDEMAN_EXPORT extern "C" __attribute__((visibility("default")))
#endif

SIDEMAN_EXPORT vst3::IPluginFactory* VST3_API GetPluginFactory() { return sideman::acquireFactory(); }

// [any] Live bridge COM objects (factory, processors, controllers, messages): the test host
// asserts 0 after releasing everything.
SIDEMAN_EXPORT int32_t SidemanLiveObjectCount() { return sideman::liveObjectCount(); }

// Entry/exit pairs. Nothing to set up: the runtime starts lazily and, once started, lives
// until the process ends (the module pins itself then).
#if defined(_WIN32)
SIDEMAN_EXPORT bool InitDll() { return true; }
SIDEMAN_EXPORT bool ExitDll() { return true; }
#elif defined(__APPLE__)
SIDEMAN_EXPORT bool bundleEntry(void*) { return true; }
SIDEMAN_EXPORT bool bundleExit() { return true; }
#else
SIDEMAN_EXPORT bool ModuleEntry(void*) { return true; }
SIDEMAN_EXPORT bool ModuleExit() { return true; }
#endif
