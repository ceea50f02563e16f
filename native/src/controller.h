// The edit controller: parameters (declared in C#), text conversion, MIDI CC mapping.
// It shares nothing with the processor but host state and IConnectionPoint messages.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "com_object.h"
#include "editor_size_state.h"
#include "sideman/bridge_abi.h"
#include "vst3/ivsteditcontroller.h"
#include "vst3/ivsthostapplication.h"
#include "vst3/ivstmessage.h"

namespace sideman {

class Controller final : public ComObject,
                         public vst3::IEditController,
                         public vst3::IMidiMapping,
                         public vst3::IConnectionPoint {
public:
    explicit Controller(const SmApi& api);
    ~Controller() override;

    vst3::tresult VST3_API queryInterface(const vst3::TUID iid, void** obj) override;
    SIDEMAN_COM_REFCOUNT

    // IPluginBase [main]
    vst3::tresult VST3_API initialize(vst3::FUnknown* context) override;
    vst3::tresult VST3_API terminate() override;

    // IEditController [main]
    vst3::tresult VST3_API setComponentState(vst3::IBStream* state) override;
    vst3::tresult VST3_API setState(vst3::IBStream* state) override;
    vst3::tresult VST3_API getState(vst3::IBStream* state) override;
    vst3::int32 VST3_API getParameterCount() override;
    vst3::tresult VST3_API getParameterInfo(vst3::int32 paramIndex, vst3::ParameterInfo& info) override;
    vst3::tresult VST3_API getParamStringByValue(vst3::ParamID id, vst3::ParamValue valueNormalized,
                                                 vst3::String128 string) override;
    vst3::tresult VST3_API getParamValueByString(vst3::ParamID id, vst3::TChar* string,
                                                 vst3::ParamValue& valueNormalized) override;
    vst3::ParamValue VST3_API normalizedParamToPlain(vst3::ParamID id, vst3::ParamValue valueNormalized) override;
    vst3::ParamValue VST3_API plainParamToNormalized(vst3::ParamID id, vst3::ParamValue plainValue) override;
    vst3::ParamValue VST3_API getParamNormalized(vst3::ParamID id) override;
    vst3::tresult VST3_API setParamNormalized(vst3::ParamID id, vst3::ParamValue value) override;
    vst3::tresult VST3_API setComponentHandler(vst3::IComponentHandler* handler) override;
    vst3::IPlugView* VST3_API createView(vst3::FIDString name) override;

    // IMidiMapping [main]
    vst3::tresult VST3_API getMidiControllerAssignment(vst3::int32 busIndex, vst3::int16 channel,
                                                       vst3::CtrlNumber midiControllerNumber,
                                                       vst3::ParamID& id) override;

    // IConnectionPoint [main]
    vst3::tresult VST3_API connect(vst3::IConnectionPoint* other) override;
    vst3::tresult VST3_API disconnect(vst3::IConnectionPoint* other) override;
    vst3::tresult VST3_API notify(vst3::IMessage* message) override;

    // [main] The processor's latest sound status (empty when every part plays what was chosen);
    // for an editor to show.
    const std::u16string& soundStatus() const { return soundStatus_; }

    // [main] The editor's way back into the controller (controller_editor.cpp): parameter gestures for the host,
    // the processor messages. The context is this controller; a view holds a reference to it.
    SmEditorHost editorHost();

    // [main] Asks the processor what the band is doing (message Sideman.EditorFrame). chart gets the chart text
    // when its revision differs from knownChartRevision (then chartChanged). False when no processor answered.
    bool fetchEditorFrame(SmEditorFrame& frame, int64_t knownChartRevision, std::u16string& chart, bool& chartChanged);

    // [main] The editor window's logical size, saved with the song (getState/setState); 0 x 0: the default.
    EditorSize editorSize() const { return editorSize_; }
    void rememberEditorSize(EditorSize size) { editorSize_ = size; }

private:
    int32_t indexOf(vst3::ParamID id) const;
    bool applyProcessorState(const uint8_t* data, int64_t length);
    vst3::tresult takeStatus(vst3::IMessage* message);

    static int32_t editorBeginEdit(void* context, uint32_t id);
    static int32_t editorPerformEdit(void* context, uint32_t id, double value);
    static int32_t editorEndEdit(void* context, uint32_t id);
    static double editorGetParam(void* context, uint32_t id);
    static int32_t editorSetChart(void* context, const uint16_t* text, uint16_t* problem, int32_t capacity);
    static int32_t editorSetPartSoundFont(void* context, int32_t part, const uint16_t* path);

    const SmApi& api_;
    vst3::IHostApplication* host_ = nullptr;
    bool initialized_ = false;
    std::vector<SmParamInfo> params_;
    std::vector<double> values_;
    std::unordered_map<vst3::ParamID, int32_t> indexById_;
    std::unordered_map<int32_t, vst3::ParamID> paramByController_;
    vst3::IComponentHandler* handler_ = nullptr;
    vst3::IConnectionPoint* peer_ = nullptr;
    std::u16string soundStatus_;
    EditorSize editorSize_;
};

} // namespace sideman
