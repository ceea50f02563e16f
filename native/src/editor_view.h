// The editor the controller hands the host (IPlugView): the managed editor (SkiaSharp, behind the bridge ABI)
// draws into a pixel buffer this view owns, and a platform window (editor_window.h) shows it and passes
// pointer, wheel, key and resize events back. Every call is on the host's UI thread.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "com_object.h"
#include "editor_probe.h"
#include "editor_window.h"
#include "sideman/bridge_abi.h"
#include "vst3/iplugview.h"

namespace sideman {

class Controller;

class EditorView final : public ComObject,
                         public vst3::IPlugView,
                         public vst3::IPlugViewContentScaleSupport,
                         public IEditorProbe,
                         private EditorWindowClient {
public:
    // [main] A view over a new managed editor; null (logged) when the editor cannot be made.
    static EditorView* create(Controller& controller, const SmApi& api);
    ~EditorView() override;

    vst3::tresult VST3_API queryInterface(const vst3::TUID iid, void** obj) override;
    SIDEMAN_COM_REFCOUNT

    // IPlugView
    vst3::tresult VST3_API isPlatformTypeSupported(vst3::FIDString type) override;
    vst3::tresult VST3_API attached(void* parent, vst3::FIDString type) override;
    vst3::tresult VST3_API removed() override;
    vst3::tresult VST3_API onWheel(float distance) override;
    vst3::tresult VST3_API onKeyDown(vst3::char16 key, vst3::int16 keyCode, vst3::int16 modifiers) override;
    vst3::tresult VST3_API onKeyUp(vst3::char16 key, vst3::int16 keyCode, vst3::int16 modifiers) override;
    vst3::tresult VST3_API getSize(vst3::ViewRect* size) override;
    vst3::tresult VST3_API onSize(vst3::ViewRect* newSize) override;
    vst3::tresult VST3_API onFocus(vst3::TBool state) override;
    vst3::tresult VST3_API setFrame(vst3::IPlugFrame* frame) override;
    vst3::tresult VST3_API canResize() override;
    vst3::tresult VST3_API checkSizeConstraint(vst3::ViewRect* rect) override;

    // IPlugViewContentScaleSupport
    vst3::tresult VST3_API setContentScaleFactor(ScaleFactor factor) override;

    // IEditorProbe (tests only)
    vst3::int32 VST3_API describeLayout(char* text, vst3::int32 capacity) override;

private:
    EditorView(Controller& controller, const SmApi& api, SmHandle editor, const SmEditorInfo& info);

    // EditorWindowClient
    void frameTick() override;
    void pointerEvent(int32_t kind, float x, float y, float steps) override;
    bool keyEvent(int32_t key, uint32_t character) override;
    void exposed() override;

    void redraw(bool force);
    void resizeBuffer(int32_t width, int32_t height);
    void followKeyboardFocus();
    int32_t minPixels(int32_t logical) const;

    Controller& controller_;
    const SmApi& api_;
    SmHandle editor_;
    SmEditorInfo info_;
    vst3::IPlugFrame* frame_ = nullptr;
    std::unique_ptr<EditorWindow> window_;
    std::unique_ptr<SmEditorFrame> bandFrame_;
    std::u16string chart_;
    int64_t chartRevision_ = -1;
    std::vector<uint32_t> pixels_;
    int32_t width_ = 0, height_ = 0; // pixels
    float scale_ = 1.0f;
    float lastX_ = 0, lastY_ = 0;
    bool forceRedraw_ = true;
};

} // namespace sideman
