// The editor's window on Windows: a child of the host's HWND. A window timer (on the host's own message loop,
// no thread of ours) ticks the frames; WM_PAINT shows the pixels with StretchDIBits.
#include <windows.h>
#include <windowsx.h>

#include <cstring>

#include "editor_window.h"
#include "sideman/bridge_abi.h"

namespace sideman {

namespace {

constexpr UINT_PTR kFrameTimer = 1;
constexpr UINT kFrameMilliseconds = 33;
constexpr const wchar_t* kClassName = L"SidemanEditorWindow";

class Win32Window final : public EditorWindow {
public:
    explicit Win32Window(EditorWindowClient& client) : client_(client) {}
    ~Win32Window() override {
        if (hwnd_ != nullptr) {
            KillTimer(hwnd_, kFrameTimer);
            SetWindowLongPtrW(hwnd_, GWLP_USERDATA, 0);
            DestroyWindow(hwnd_);
        }
    }

    bool open(HWND parent, int32_t width, int32_t height, std::string& error) {
        HINSTANCE instance = moduleInstance();
        WNDCLASSEXW wc{};
        wc.cbSize = sizeof wc;
        wc.style = CS_DBLCLKS;
        wc.lpfnWndProc = &Win32Window::procedure;
        wc.hInstance = instance;
        wc.hCursor = LoadCursor(nullptr, IDC_ARROW);
        wc.lpszClassName = kClassName;
        RegisterClassExW(&wc); // fails harmlessly when a window of ours registered it before
        hwnd_ = CreateWindowExW(0, kClassName, L"Sideman", WS_CHILD | WS_VISIBLE | WS_CLIPSIBLINGS, 0, 0, width, height, parent,
                                nullptr, instance, nullptr);
        if (hwnd_ == nullptr) {
            error = "CreateWindowExW failed (" + std::to_string(GetLastError()) + ")";
            return false;
        }
        SetWindowLongPtrW(hwnd_, GWLP_USERDATA, reinterpret_cast<LONG_PTR>(this));
        SetTimer(hwnd_, kFrameTimer, kFrameMilliseconds, nullptr);
        return true;
    }

    void resize(int32_t width, int32_t height) override {
        if (hwnd_ != nullptr) SetWindowPos(hwnd_, nullptr, 0, 0, width, height, SWP_NOZORDER | SWP_NOMOVE | SWP_NOACTIVATE);
    }

    void present(const uint32_t* pixels, int32_t width, int32_t height) override {
        pixels_ = pixels;
        width_ = width;
        height_ = height;
        if (hwnd_ == nullptr) return;
        HDC dc = GetDC(hwnd_);
        paint(dc);
        ReleaseDC(hwnd_, dc);
    }

    void takeKeyboard(bool take) override {
        if (hwnd_ == nullptr || take == hasKeyboard_) return;
        hasKeyboard_ = take;
        SetFocus(take ? hwnd_ : GetParent(hwnd_));
    }

private:
    static HINSTANCE moduleInstance() {
        HMODULE module = nullptr;
        GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                           reinterpret_cast<LPCWSTR>(&Win32Window::procedure), &module);
        return module;
    }

    void paint(HDC dc) {
        if (pixels_ == nullptr) return;
        BITMAPINFO info{};
        info.bmiHeader.biSize = sizeof(BITMAPINFOHEADER);
        info.bmiHeader.biWidth = width_;
        info.bmiHeader.biHeight = -height_; // rows top-down, as the editor draws them
        info.bmiHeader.biPlanes = 1;
        info.bmiHeader.biBitCount = 32;
        info.bmiHeader.biCompression = BI_RGB; // BGRX bytes
        StretchDIBits(dc, 0, 0, width_, height_, 0, 0, width_, height_, pixels_, &info, DIB_RGB_COLORS, SRCCOPY);
    }

    static LRESULT CALLBACK procedure(HWND hwnd, UINT message, WPARAM w, LPARAM l) {
        auto* self = reinterpret_cast<Win32Window*>(GetWindowLongPtrW(hwnd, GWLP_USERDATA));
        if (self == nullptr) return DefWindowProcW(hwnd, message, w, l);
        const float x = static_cast<float>(GET_X_LPARAM(l)), y = static_cast<float>(GET_Y_LPARAM(l));
        switch (message) {
        case WM_TIMER:
            if (w == kFrameTimer) self->client_.frameTick();
            return 0;
        case WM_PAINT: {
            PAINTSTRUCT ps;
            HDC dc = BeginPaint(hwnd, &ps);
            self->paint(dc);
            EndPaint(hwnd, &ps);
            return 0;
        }
        case WM_LBUTTONDOWN:
        case WM_LBUTTONDBLCLK:
            SetCapture(hwnd);
            self->client_.pointerEvent(SM_POINTER_DOWN, x, y, 0);
            return 0;
        case WM_LBUTTONUP:
            ReleaseCapture();
            self->client_.pointerEvent(SM_POINTER_UP, x, y, 0);
            return 0;
        case WM_MOUSEMOVE:
            if ((w & MK_LBUTTON) != 0) self->client_.pointerEvent(SM_POINTER_DRAG, x, y, 0);
            return 0;
        case WM_MOUSEWHEEL: {
            POINT p{GET_X_LPARAM(l), GET_Y_LPARAM(l)}; // screen coordinates for the wheel
            ScreenToClient(hwnd, &p);
            self->client_.pointerEvent(SM_POINTER_WHEEL, static_cast<float>(p.x), static_cast<float>(p.y),
                                       static_cast<float>(GET_WHEEL_DELTA_WPARAM(w)) / WHEEL_DELTA);
            return 0;
        }
        case WM_KEYDOWN: {
            int32_t key = -1;
            switch (w) {
            case VK_BACK: key = SM_KEY_BACKSPACE; break;
            case VK_DELETE: key = SM_KEY_DELETE; break;
            case VK_LEFT: key = SM_KEY_LEFT; break;
            case VK_RIGHT: key = SM_KEY_RIGHT; break;
            case VK_HOME: key = SM_KEY_HOME; break;
            case VK_END: key = SM_KEY_END; break;
            case VK_RETURN: key = SM_KEY_ENTER; break;
            case VK_ESCAPE: key = SM_KEY_ESCAPE; break;
            case VK_TAB: key = SM_KEY_TAB; break;
            default: break;
            }
            if (key >= 0 && self->client_.keyEvent(key, 0)) return 0;
            break;
        }
        case WM_CHAR:
            if (w >= 0x20 && w != 0x7f && self->client_.keyEvent(SM_KEY_CHARACTER, static_cast<uint32_t>(w))) return 0;
            break;
        case WM_ERASEBKGND:
            return 1; // the editor paints every pixel
        default:
            break;
        }
        return DefWindowProcW(hwnd, message, w, l);
    }

    EditorWindowClient& client_;
    HWND hwnd_ = nullptr;
    const uint32_t* pixels_ = nullptr;
    int32_t width_ = 0, height_ = 0;
    bool hasKeyboard_ = false;
};

} // namespace

bool EditorWindow::supports(const char* platformType) {
    return platformType != nullptr && std::strcmp(platformType, vst3::kPlatformTypeHWND) == 0;
}

std::unique_ptr<EditorWindow> EditorWindow::open(EditorWindowClient& client, void* parent, vst3::IPlugFrame*, int32_t width,
                                                 int32_t height, std::string& error) {
    auto window = std::make_unique<Win32Window>(client);
    if (!window->open(static_cast<HWND>(parent), width, height, error)) return nullptr;
    return window;
}

} // namespace sideman
