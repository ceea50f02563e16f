// The controller's services to its editor: parameter gestures to the host (beginEdit / performEdit / endEdit on
// IComponentHandler, so every change is automatable and undoable), the controller's own parameter values, the
// processor messages (chart, part SoundFont) and the frame request the editor shows the band from.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "class_ids.h"
#include "controller.h"
#include "message.h"
#include "utf16.h"

namespace sideman {

using namespace vst3;

SmEditorHost Controller::editorHost() {
    SmEditorHost host{};
    host.context = this;
    host.beginEdit = &editorBeginEdit;
    host.performEdit = &editorPerformEdit;
    host.endEdit = &editorEndEdit;
    host.getParam = &editorGetParam;
    host.setChart = &editorSetChart;
    host.setPartSoundFont = &editorSetPartSoundFont;
    return host;
}

int32_t Controller::editorBeginEdit(void* context, uint32_t id) {
    auto* self = static_cast<Controller*>(context);
    if (self->indexOf(id) < 0) return SM_INVALID_ARGUMENT;
    return self->handler_ != nullptr && self->handler_->beginEdit(id) == kResultOk ? SM_OK : SM_FALSE;
}

int32_t Controller::editorPerformEdit(void* context, uint32_t id, double value) {
    auto* self = static_cast<Controller*>(context);
    if (self->indexOf(id) < 0 || !std::isfinite(value)) return SM_INVALID_ARGUMENT;
    // The controller shows the new value at once, as the host will (it may not call setParamNormalized back).
    self->setParamNormalized(id, value);
    return self->handler_ != nullptr && self->handler_->performEdit(id, std::clamp(value, 0.0, 1.0)) == kResultOk ? SM_OK : SM_FALSE;
}

int32_t Controller::editorEndEdit(void* context, uint32_t id) {
    auto* self = static_cast<Controller*>(context);
    if (self->indexOf(id) < 0) return SM_INVALID_ARGUMENT;
    return self->handler_ != nullptr && self->handler_->endEdit(id) == kResultOk ? SM_OK : SM_FALSE;
}

double Controller::editorGetParam(void* context, uint32_t id) { return static_cast<Controller*>(context)->getParamNormalized(id); }

int32_t Controller::editorSetChart(void* context, const uint16_t* text, uint16_t* problem, int32_t capacity) {
    auto* self = static_cast<Controller*>(context);
    if (problem != nullptr && capacity > 0) problem[0] = 0;
    if (self->peer_ == nullptr) return SM_ERROR;
    IMessage* message = allocateMessage(self->host_);
    if (message == nullptr) return SM_ERROR;
    message->setMessageID(kSetChartMessageId);
    IAttributeList* attributes = message->getAttributes();
    if (attributes != nullptr) attributes->setString(kChartTextAttribute, text != nullptr ? reinterpret_cast<const TChar*>(text) : u"");
    const tresult rc = self->peer_->notify(message);
    if (rc != kResultOk && attributes != nullptr && problem != nullptr && capacity > 0) {
        std::vector<char16_t> reason(1024, u'\0');
        if (attributes->getString(kProblemAttribute, reason.data(), static_cast<uint32>(reason.size() * sizeof(char16_t))) == kResultOk)
            copyUtf16(reinterpret_cast<char16_t*>(problem), capacity, reason.data());
    }
    message->release();
    return rc == kResultOk ? SM_OK : SM_FALSE;
}

int32_t Controller::editorSetPartSoundFont(void* context, int32_t part, const uint16_t* path) {
    auto* self = static_cast<Controller*>(context);
    if (self->peer_ == nullptr) return SM_ERROR;
    IMessage* message = allocateMessage(self->host_);
    if (message == nullptr) return SM_ERROR;
    message->setMessageID(kSetPartSoundFontMessageId);
    if (IAttributeList* attributes = message->getAttributes()) {
        attributes->setInt(kPartAttribute, part);
        attributes->setString(kPathAttribute, path != nullptr ? reinterpret_cast<const TChar*>(path) : u"");
    }
    const tresult rc = self->peer_->notify(message);
    message->release();
    return rc == kResultOk ? SM_OK : SM_FALSE;
}

bool Controller::fetchEditorFrame(SmEditorFrame& frame, int64_t knownChartRevision, std::u16string& chart, bool& chartChanged) {
    chartChanged = false;
    if (peer_ == nullptr) return false;
    IMessage* message = allocateMessage(host_);
    if (message == nullptr) return false;
    message->setMessageID(kEditorFrameMessageId);
    IAttributeList* attributes = message->getAttributes();
    bool ok = false;
    if (attributes != nullptr) {
        attributes->setInt(kChartRevisionAttribute, knownChartRevision);
        // The processor answers in the same message (its notify returns after writing the attributes).
        const void* data = nullptr;
        uint32 size = 0;
        if (peer_->notify(message) == kResultOk && attributes->getBinary(kEditorFrameAttribute, data, size) == kResultOk &&
            data != nullptr && size == sizeof(SmEditorFrame)) {
            std::memcpy(&frame, data, sizeof frame);
            ok = true;
            int64 sent = 0;
            std::vector<char16_t> text;
            if (attributes->getInt(kChartSentAttribute, sent) == kResultOk && sent == 1 &&
                (text.assign(kChartTextCapacity, u'\0'), true) &&
                attributes->getString(kChartTextAttribute, text.data(), static_cast<uint32>(text.size() * sizeof(char16_t))) == kResultOk) {
                chart.assign(text.data());
                chartChanged = true;
            }
        }
    }
    message->release();
    return ok;
}

} // namespace sideman
