#include "controller.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

#include "class_ids.h"
#include "editor_view.h"
#include "managed_runtime.h"
#include "stream_io.h"
#include "utf16.h"

namespace sideman {

using namespace vst3;

Controller::Controller(const SmApi& api) : api_(api) {}

Controller::~Controller() { terminate(); }

tresult VST3_API Controller::queryInterface(const TUID iid, void** obj) {
    if (obj == nullptr) return kInvalidArgument;
    if (offerInterface<IEditController>(iid, FUnknown::iid, this, obj) ||
        offerInterface<IEditController>(iid, IPluginBase::iid, this, obj) ||
        offerInterface<IEditController>(iid, IEditController::iid, this, obj) ||
        offerInterface<IMidiMapping>(iid, IMidiMapping::iid, this, obj) ||
        offerInterface<IConnectionPoint>(iid, IConnectionPoint::iid, this, obj))
        return kResultOk;
    *obj = nullptr;
    return kNoInterface;
}

tresult VST3_API Controller::initialize(FUnknown* context) {
    if (initialized_) return kResultFalse;
    // The host application makes the messages the editor sends (the bridge's own when it offers none).
    if (context != nullptr && host_ == nullptr) {
        void* host = nullptr;
        if (context->queryInterface(IHostApplication::iid.bytes, &host) == kResultOk && host != nullptr)
            host_ = static_cast<IHostApplication*>(host);
    }
    int32_t count = api_.getParamCount();
    if (count < 0) return kInternalError;
    params_.assign(static_cast<size_t>(count), SmParamInfo{});
    values_.assign(static_cast<size_t>(count), 0.0);
    for (int32_t i = 0; i < count; ++i) {
        SmParamInfo& info = params_[static_cast<size_t>(i)];
        if (api_.getParamInfo(i, &info) != SM_OK) {
            bridgeLog("parameter " + std::to_string(i) + " has no description; the controller cannot start");
            return kInternalError;
        }
        values_[static_cast<size_t>(i)] = std::clamp(info.defaultNormalized, 0.0, 1.0);
        indexById_[info.id] = i;
        if (info.midiController >= 0 && info.midiController <= kPitchBend) paramByController_[info.midiController] = info.id;
    }
    initialized_ = true;
    return kResultOk;
}

tresult VST3_API Controller::terminate() {
    const bool wasInitialized = initialized_;
    if (handler_ != nullptr) {
        handler_->release();
        handler_ = nullptr;
    }
    if (peer_ != nullptr) {
        peer_->release();
        peer_ = nullptr;
    }
    if (host_ != nullptr) {
        host_->release();
        host_ = nullptr;
    }
    initialized_ = false;
    return wasInitialized ? kResultOk : kResultFalse;
}

int32_t Controller::indexOf(ParamID id) const {
    auto it = indexById_.find(id);
    return it == indexById_.end() ? -1 : it->second;
}

bool Controller::applyProcessorState(const uint8_t* data, int64_t length) {
    std::vector<double> decoded(values_.size(), 0.0);
    char16_t error[512] = {};
    int32_t rc = api_.stateToNormalized(data, length, decoded.data(), static_cast<int32_t>(decoded.size()),
                                        reinterpret_cast<uint16_t*>(error), 512);
    if (rc != SM_OK) {
        bridgeLog("controller ignored a processor state it could not read: " + utf16ToUtf8(error));
        return false;
    }
    for (size_t i = 0; i < decoded.size(); ++i) values_[i] = std::clamp(decoded[i], 0.0, 1.0);
    return true;
}

tresult VST3_API Controller::setComponentState(IBStream* state) {
    if (!initialized_) return kNotInitialized;
    std::vector<uint8_t> bytes;
    std::string error;
    if (!readWholeStream(state, bytes, error)) {
        bridgeLog("controller could not read the component state: " + error);
        return kResultFalse;
    }
    return applyProcessorState(bytes.data(), static_cast<int64_t>(bytes.size())) ? kResultOk : kResultFalse;
}

// The controller's own state is only the editor window's size (editor_size_state.h); every setting is in the
// component state. A state without it (an older song, an empty stream) keeps the default size.
tresult VST3_API Controller::setState(IBStream* state) {
    std::vector<uint8_t> bytes;
    std::string error;
    EditorSize size;
    if (state != nullptr && readWholeStream(state, bytes, error, 4096) && readEditorSize(bytes.data(), bytes.size(), size))
        editorSize_ = size;
    return kResultOk;
}

tresult VST3_API Controller::getState(IBStream* state) {
    if (state == nullptr) return kInvalidArgument;
    const std::vector<uint8_t> bytes = writeEditorSize(editorSize_);
    std::string error;
    return writeWholeStream(state, bytes.data(), bytes.size(), error) ? kResultOk : kResultFalse;
}

int32 VST3_API Controller::getParameterCount() { return static_cast<int32>(params_.size()); }

tresult VST3_API Controller::getParameterInfo(int32 index, ParameterInfo& info) {
    if (index < 0 || index >= getParameterCount()) return kInvalidArgument;
    const SmParamInfo& p = params_[static_cast<size_t>(index)];
    info = ParameterInfo{};
    info.id = p.id;
    copyUtf16(info.title, 128, p.title);
    copyUtf16(info.shortTitle, 128, p.shortTitle);
    copyUtf16(info.units, 128, p.units);
    info.stepCount = p.stepCount;
    info.defaultNormalizedValue = p.defaultNormalized;
    info.unitId = 0; // kRootUnitId
    int32 flags = 0;
    if (p.flags & SM_PARAM_CAN_AUTOMATE) flags |= ParameterInfo::kCanAutomate;
    if (p.flags & SM_PARAM_READ_ONLY) flags |= ParameterInfo::kIsReadOnly;
    if (p.flags & SM_PARAM_IS_LIST) flags |= ParameterInfo::kIsList;
    if (p.flags & SM_PARAM_IS_HIDDEN) flags |= ParameterInfo::kIsHidden;
    if (p.flags & SM_PARAM_IS_BYPASS) flags |= ParameterInfo::kIsBypass;
    info.flags = flags;
    return kResultOk;
}

tresult VST3_API Controller::getParamStringByValue(ParamID id, ParamValue value, String128 string) {
    if (string == nullptr || indexOf(id) < 0 || std::isnan(value)) return kInvalidArgument;
    uint16_t text[128] = {};
    if (api_.paramToText(id, std::clamp(value, 0.0, 1.0), text, 128) != SM_OK) return kResultFalse;
    copyUtf16(string, 128, text);
    return kResultOk;
}

tresult VST3_API Controller::getParamValueByString(ParamID id, TChar* string, ParamValue& value) {
    if (string == nullptr || indexOf(id) < 0) return kInvalidArgument;
    uint16_t text[128] = {};
    copyUtf16(text, 128, string);
    double normalized = 0;
    if (api_.paramFromText(id, text, &normalized) != SM_OK || !std::isfinite(normalized)) return kResultFalse;
    value = std::clamp(normalized, 0.0, 1.0);
    return kResultOk;
}

// These two have no error channel: out-of-range input is clamped (NaN counts as 0), and the
// normalized result is always a number in 0..1, whatever the host passed.
ParamValue VST3_API Controller::normalizedParamToPlain(ParamID id, ParamValue value) {
    if (indexOf(id) < 0) return value;
    return api_.paramToPlain(id, std::isnan(value) ? 0.0 : std::clamp(value, 0.0, 1.0));
}

ParamValue VST3_API Controller::plainParamToNormalized(ParamID id, ParamValue plain) {
    if (indexOf(id) < 0) return plain;
    if (std::isnan(plain)) return 0.0;
    const double normalized = api_.paramToNormalized(id, plain);
    return std::isnan(normalized) ? 0.0 : std::clamp(normalized, 0.0, 1.0);
}

ParamValue VST3_API Controller::getParamNormalized(ParamID id) {
    int32_t index = indexOf(id);
    return index < 0 ? 0.0 : values_[static_cast<size_t>(index)];
}

tresult VST3_API Controller::setParamNormalized(ParamID id, ParamValue value) {
    int32_t index = indexOf(id);
    if (index < 0 || !std::isfinite(value)) return kInvalidArgument;
    values_[static_cast<size_t>(index)] = std::clamp(value, 0.0, 1.0);
    return kResultOk;
}

tresult VST3_API Controller::setComponentHandler(IComponentHandler* handler) {
    if (handler == handler_) return kResultOk;
    if (handler_ != nullptr) handler_->release();
    handler_ = handler;
    if (handler_ != nullptr) handler_->addRef();
    return kResultOk;
}

IPlugView* VST3_API Controller::createView(FIDString name) {
    if (!initialized_ || name == nullptr || std::strcmp(name, kEditorViewName) != 0) return nullptr;
    return EditorView::create(*this, api_);
}

tresult VST3_API Controller::getMidiControllerAssignment(int32 busIndex, int16, CtrlNumber number, ParamID& id) {
    if (busIndex != 0) return kResultFalse;
    auto it = paramByController_.find(number);
    if (it == paramByController_.end()) return kResultFalse;
    id = it->second;
    return kResultTrue;
}

tresult VST3_API Controller::connect(IConnectionPoint* other) {
    if (other == nullptr) return kInvalidArgument;
    if (peer_ != nullptr) return kResultFalse;
    peer_ = other;
    peer_->addRef();
    return kResultOk;
}

tresult VST3_API Controller::disconnect(IConnectionPoint* other) {
    if (peer_ == nullptr || other != peer_) return kInvalidArgument;
    peer_->release();
    peer_ = nullptr;
    return kResultOk;
}

tresult VST3_API Controller::notify(IMessage* message) {
    if (message == nullptr) return kInvalidArgument;
    const char* id = message->getMessageID();
    if (id != nullptr && std::strcmp(id, kStatusMessageId) == 0) return takeStatus(message);
    if (id == nullptr || std::strcmp(id, kStateMessageId) != 0) return kResultFalse;
    IAttributeList* attributes = message->getAttributes();
    const void* data = nullptr;
    uint32 size = 0;
    if (attributes == nullptr || attributes->getBinary(kStateAttribute, data, size) != kResultOk) return kResultFalse;
    if (!applyProcessorState(static_cast<const uint8_t*>(data), size)) return kResultFalse;
    if (handler_ != nullptr) handler_->restartComponent(kParamValuesChanged);
    return kResultOk;
}

tresult Controller::takeStatus(IMessage* message) {
    IAttributeList* attributes = message->getAttributes();
    std::vector<char16_t> text(SM_STATUS_CAPACITY, u'\0');
    if (attributes == nullptr ||
        attributes->getString(kStatusTextAttribute, text.data(), static_cast<uint32>(text.size() * sizeof(char16_t))) != kResultOk)
        return kResultFalse;
    soundStatus_ = text.data();
    return kResultOk;
}

} // namespace sideman
