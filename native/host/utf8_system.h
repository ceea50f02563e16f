// The OS calls the host library and its tools make with paths and text, all in UTF-8. Windows'
// narrow C calls (fopen, getenv, main's argv) read bytes in the ANSI code page, so a bundle under
// "C:\Users\Zoë Müller" would not be found; these go through the UTF-16 calls there.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace sideman::host {

// fopen with a UTF-8 path; null on failure.
std::FILE* openFile(const std::string& path, const char* mode);

// The variable's value in UTF-8; false when it is not set.
bool environmentVariable(const char* name, std::string& value);

// The program's arguments in UTF-8 (Windows: from the UTF-16 command line, not from argv).
std::vector<std::string> commandLineArguments(int argc, char** argv);

#if defined(_WIN32)
std::wstring toWide(const std::string& utf8);
std::string fromWide(const std::wstring& wide);
// GetLastError() as "error N: <system message>".
std::string lastErrorText();
#endif

} // namespace sideman::host
