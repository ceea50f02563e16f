# CMake toolchain for the Windows x64 cross build with Debian's mingw-w64 (posix threads: std::thread, std::mutex).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
find_program(SIDEMAN_MINGW_CXX NAMES x86_64-w64-mingw32-g++-posix REQUIRED)
set(CMAKE_CXX_COMPILER "${SIDEMAN_MINGW_CXX}")
set(CMAKE_FIND_ROOT_PATH /usr/x86_64-w64-mingw32)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
