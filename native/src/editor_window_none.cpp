// Systems where the bridge has no editor window yet (macOS: an NSView is future work): the host gets a view that
// supports no platform type, so it shows its generic parameter editor instead.
#include "editor_window.h"

namespace sideman {

bool EditorWindow::supports(const char*) { return false; }

std::unique_ptr<EditorWindow> EditorWindow::open(EditorWindowClient&, void*, vst3::IPlugFrame*, int32_t, int32_t, std::string& error) {
    error = "no editor window on this system yet";
    return nullptr;
}

} // namespace sideman
