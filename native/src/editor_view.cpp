#include "editor_view.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "controller.h"
#include "managed_runtime.h"

namespace sideman {

using namespace vst3;

EditorView* EditorView::create(Controller& controller, const SmApi& api) {
    SmEditorHost host = controller.editorHost();
    SmEditorInfo info{};
    SmHandle editor = nullptr;
    if (api.editorCreate == nullptr || api.editorCreate(&host, &info, &editor) != SM_OK || editor == nullptr) {
        bridgeLog("the editor could not be made (see the managed log lines above); the host gets no view");
        return nullptr;
    }
    return new EditorView(controller, api, editor, info);
}

EditorView::EditorView(Controller& controller, const SmApi& api, SmHandle editor, const SmEditorInfo& info)
    : controller_(controller), api_(api), editor_(editor), info_(info), bandFrame_(std::make_unique<SmEditorFrame>()) {
    controller_.addRef(); // the view may outlive the host's own reference to the controller for a moment
    // The size the song saved, else the layout's default (logical units; the scale is 1 until the host sets one).
    const EditorSize saved = controller_.editorSize();
    width_ = std::max(saved.width > 0 ? static_cast<int32_t>(std::lround(saved.width)) : info_.defaultWidth, info_.minWidth);
    height_ = std::max(saved.height > 0 ? static_cast<int32_t>(std::lround(saved.height)) : info_.defaultHeight, info_.minHeight);
}

EditorView::~EditorView() {
    window_.reset();
    if (frame_ != nullptr) frame_->release();
    api_.editorDestroy(editor_);
    controller_.release();
}

tresult VST3_API EditorView::queryInterface(const TUID iid, void** obj) {
    if (obj == nullptr) return kInvalidArgument;
    if (offerInterface<IPlugView>(iid, FUnknown::iid, this, obj) || offerInterface<IPlugView>(iid, IPlugView::iid, this, obj) ||
        offerInterface<IPlugViewContentScaleSupport>(iid, IPlugViewContentScaleSupport::iid, this, obj) ||
        offerInterface<IEditorProbe>(iid, IEditorProbe::iid, this, obj))
        return kResultOk;
    *obj = nullptr;
    return kNoInterface;
}

tresult VST3_API EditorView::isPlatformTypeSupported(FIDString type) {
    return EditorWindow::supports(type) ? kResultTrue : kResultFalse;
}

tresult VST3_API EditorView::attached(void* parent, FIDString type) {
    if (window_ != nullptr) return kResultFalse;
    if (parent == nullptr || !EditorWindow::supports(type)) return kInvalidArgument;
    resizeBuffer(width_, height_);
    std::string error;
    window_ = EditorWindow::open(*this, parent, frame_, width_, height_, error);
    if (window_ == nullptr) {
        bridgeLog("the editor's window could not be opened: " + error);
        return kResultFalse;
    }
    chartRevision_ = -1; // ask for the chart again
    forceRedraw_ = true;
    frameTick(); // the first picture right away, not one timer later
    return kResultOk;
}

tresult VST3_API EditorView::removed() {
    if (window_ == nullptr) return kResultFalse;
    window_.reset();
    return kResultOk;
}

tresult VST3_API EditorView::onWheel(float distance) {
    if (window_ == nullptr || !std::isfinite(distance)) return kResultFalse;
    return api_.editorPointer(editor_, SM_POINTER_WHEEL, lastX_, lastY_, distance) == SM_OK ? (redraw(false), kResultTrue) : kResultFalse;
}

tresult VST3_API EditorView::onKeyDown(char16 key, int16 keyCode, int16) {
    // Keys are the host's (its transport keys) unless a text field of ours has the focus; Escape is offered to the
    // editor too (it closes an open panel, and answers false when there is none, leaving the key to the host).
    if (window_ == nullptr) return kResultFalse;
    if ((api_.editorState(editor_) & SM_EDITOR_WANTS_KEYS) == 0 && keyCode != KEY_ESCAPE) return kResultFalse;
    int32_t smKey = -1;
    switch (keyCode) {
    case KEY_BACK: smKey = SM_KEY_BACKSPACE; break;
    case KEY_DELETE: smKey = SM_KEY_DELETE; break;
    case KEY_LEFT: smKey = SM_KEY_LEFT; break;
    case KEY_RIGHT: smKey = SM_KEY_RIGHT; break;
    case KEY_HOME: smKey = SM_KEY_HOME; break;
    case KEY_END: smKey = SM_KEY_END; break;
    case KEY_RETURN:
    case KEY_ENTER: smKey = SM_KEY_ENTER; break;
    case KEY_ESCAPE: smKey = SM_KEY_ESCAPE; break;
    case KEY_TAB: smKey = SM_KEY_TAB; break;
    default:
        if (key >= 0x20) smKey = SM_KEY_CHARACTER;
    }
    if (smKey < 0) return kResultFalse;
    return keyEvent(smKey, smKey == SM_KEY_CHARACTER ? static_cast<uint32_t>(key) : 0u) ? kResultTrue : kResultFalse;
}

tresult VST3_API EditorView::onKeyUp(char16, int16, int16) {
    return window_ != nullptr && (api_.editorState(editor_) & SM_EDITOR_WANTS_KEYS) != 0 ? kResultTrue : kResultFalse;
}

tresult VST3_API EditorView::getSize(ViewRect* size) {
    if (size == nullptr) return kInvalidArgument;
    *size = ViewRect{0, 0, width_, height_};
    return kResultOk;
}

tresult VST3_API EditorView::onSize(ViewRect* newSize) {
    if (newSize == nullptr) return kInvalidArgument;
    const int32_t width = std::clamp(newSize->width(), 1, 16384), height = std::clamp(newSize->height(), 1, 16384);
    if (width == width_ && height == height_) return kResultOk;
    width_ = width;
    height_ = height;
    controller_.rememberEditorSize(EditorSize{width_ / scale_, height_ / scale_});
    if (window_ != nullptr) {
        resizeBuffer(width_, height_);
        window_->resize(width_, height_);
        redraw(true);
    }
    return kResultOk;
}

tresult VST3_API EditorView::onFocus(TBool) { return kResultOk; }

tresult VST3_API EditorView::setFrame(IPlugFrame* frame) {
    if (frame == frame_) return kResultOk;
    if (frame != nullptr) frame->addRef();
    if (frame_ != nullptr) frame_->release();
    frame_ = frame;
    return kResultOk;
}

tresult VST3_API EditorView::canResize() { return kResultTrue; }

int32_t EditorView::minPixels(int32_t logical) const {
    return static_cast<int32_t>(std::ceil(static_cast<float>(logical) * scale_ - 1e-3f));
}

tresult VST3_API EditorView::checkSizeConstraint(ViewRect* rect) {
    if (rect == nullptr) return kInvalidArgument;
    rect->right = rect->left + std::clamp(rect->width(), minPixels(info_.minWidth), 16384);
    rect->bottom = rect->top + std::clamp(rect->height(), minPixels(info_.minHeight), 16384);
    return kResultTrue;
}

tresult VST3_API EditorView::setContentScaleFactor(ScaleFactor factor) {
    if (!std::isfinite(factor) || factor < 0.25f || factor > 8.0f) return kResultFalse;
    if (factor == scale_) return kResultTrue;
    // The same logical size at the new scale: ask the host to resize the window (it calls onSize).
    ViewRect wanted{0, 0, static_cast<int32_t>(std::lround(width_ / scale_ * factor)),
                    static_cast<int32_t>(std::lround(height_ / scale_ * factor))};
    scale_ = factor;
    checkSizeConstraint(&wanted);
    if (window_ != nullptr && frame_ != nullptr && frame_->resizeView(this, &wanted) == kResultOk) {
        redraw(true);
        return kResultTrue;
    }
    onSize(&wanted); // not shown yet, or a host that does not resize: take the size ourselves
    return kResultTrue;
}

int32 VST3_API EditorView::describeLayout(char* text, int32 capacity) {
    if (api_.editorDescribeLayout == nullptr) return 0;
    return api_.editorDescribeLayout(editor_, text, capacity);
}

void EditorView::frameTick() {
    if (window_ == nullptr) return;
    bool chartChanged = false;
    if (controller_.fetchEditorFrame(*bandFrame_, chartRevision_, chart_, chartChanged)) {
        if (chartChanged) chartRevision_ = bandFrame_->chartRevision;
        api_.editorSetFrame(editor_, bandFrame_.get(), chartChanged ? reinterpret_cast<const uint16_t*>(chart_.c_str()) : nullptr);
    }
    redraw(false);
}

void EditorView::redraw(bool force) {
    if (window_ == nullptr || pixels_.empty()) return;
    const int32_t rc = api_.editorRender(editor_, reinterpret_cast<uint8_t*>(pixels_.data()), width_, height_, width_ * 4, scale_,
                                         SM_EDITOR_BGRA, force || forceRedraw_ ? 1 : 0);
    if (rc == SM_OK || forceRedraw_) window_->present(pixels_.data(), width_, height_);
    forceRedraw_ = false;
}

void EditorView::resizeBuffer(int32_t width, int32_t height) {
    pixels_.assign(static_cast<size_t>(width) * static_cast<size_t>(height), 0u);
    forceRedraw_ = true;
}

void EditorView::pointerEvent(int32_t kind, float x, float y, float steps) {
    lastX_ = x;
    lastY_ = y;
    api_.editorPointer(editor_, kind, x, y, steps);
    followKeyboardFocus();
    redraw(false); // answer the hand at once, not at the next tick
}

bool EditorView::keyEvent(int32_t key, uint32_t character) {
    const bool taken = api_.editorKey(editor_, key, character) == SM_OK;
    followKeyboardFocus();
    if (taken) redraw(false);
    return taken;
}

void EditorView::exposed() { forceRedraw_ = true; }

void EditorView::followKeyboardFocus() {
    if (window_ != nullptr) window_->takeKeyboard((api_.editorState(editor_) & SM_EDITOR_WANTS_KEYS) != 0);
}

} // namespace sideman
