// The editor window's size as the controller saves it with the song (IEditController::getState/setState), so a
// song opens its window at the size the user left it. Logical units (pixels at content scale 1): the host's scale
// factor belongs to the screen, not the song. Layout: "SMED", uint32 version 1, float width, float height, all
// little-endian. Anything else (an empty state from an older song, garbage) leaves the default size.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sideman {

struct EditorSize {
    float width = 0;  // 0: the editor's default
    float height = 0;
};

std::vector<uint8_t> writeEditorSize(const EditorSize& size);

// False (size untouched) unless data is a version-1 record with a finite size in 100..16384 on both sides.
bool readEditorSize(const uint8_t* data, size_t length, EditorSize& size);

} // namespace sideman
