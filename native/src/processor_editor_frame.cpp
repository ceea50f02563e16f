// The processor's answer to the editor's frame request (message Sideman.EditorFrame): what the band is doing,
// written by the managed side into the same message, so the editor (on the controller's side) shares nothing
// with the processor but messages.
#include <vector>

#include "class_ids.h"
#include "processor.h"

namespace sideman {

using namespace vst3;

tresult Processor::editorFrame(IMessage* message) {
    IAttributeList* attributes = message->getAttributes();
    if (attributes == nullptr) return kInvalidArgument;
    int64 known = -1;
    if (attributes->getInt(kChartRevisionAttribute, known) != kResultOk) known = -1;
    if (editorFrame_ == nullptr) {
        editorFrame_ = std::make_unique<SmEditorFrame>();
        editorChart_.assign(kChartTextCapacity, u'\0');
    }
    int32_t chartWritten = 0;
    const int32_t rc = api_.processorEditorFrame(handle_, editorFrame_.get(), known, reinterpret_cast<uint16_t*>(editorChart_.data()),
                                                 static_cast<int32_t>(editorChart_.size()), &chartWritten);
    if (rc != SM_OK) return kResultFalse;
    attributes->setBinary(kEditorFrameAttribute, editorFrame_.get(), static_cast<uint32>(sizeof(SmEditorFrame)));
    if (chartWritten != 0) {
        attributes->setInt(kChartSentAttribute, 1);
        attributes->setString(kChartTextAttribute, editorChart_.data());
    }
    return kResultOk;
}

} // namespace sideman
