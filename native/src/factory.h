// The plug-in factory: answers class queries without .NET, starts .NET on createInstance.
#pragma once

#include "com_object.h"
#include "vst3/ipluginbase.h"

namespace sideman {

class Factory final : public ComObject, public vst3::IPluginFactory3 {
public:
    Factory();
    ~Factory() override;

    vst3::tresult VST3_API queryInterface(const vst3::TUID iid, void** obj) override;
    SIDEMAN_COM_REFCOUNT

    vst3::tresult VST3_API getFactoryInfo(vst3::PFactoryInfo* info) override;
    vst3::int32 VST3_API countClasses() override;
    vst3::tresult VST3_API getClassInfo(vst3::int32 index, vst3::PClassInfo* info) override;
    vst3::tresult VST3_API createInstance(vst3::FIDString cid, vst3::FIDString iid, void** obj) override;
    vst3::tresult VST3_API getClassInfo2(vst3::int32 index, vst3::PClassInfo2* info) override;
    vst3::tresult VST3_API getClassInfoUnicode(vst3::int32 index, vst3::PClassInfoW* info) override;
    vst3::tresult VST3_API setHostContext(vst3::FUnknown* context) override;

private:
    vst3::FUnknown* hostContext_ = nullptr;
};

// [main] The process's factory: one new reference per call (the module entry hands it out).
vst3::IPluginFactory* acquireFactory();

} // namespace sideman
