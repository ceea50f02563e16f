// sideman-native-tests CASE: runs one named case (ctest registers each one), or "--list".
#include <cstdio>
#include <cstring>

#include "check.h"

int main(int argc, char** argv) {
    auto& cases = sideman::test::Registry::cases();
    if (argc != 2) {
        std::fprintf(stderr, "usage: sideman-native-tests CASE | --list\n");
        return 2;
    }
    if (std::strcmp(argv[1], "--list") == 0) {
        for (auto& entry : cases) std::printf("%s\n", entry.first.c_str());
        return 0;
    }
    auto it = cases.find(argv[1]);
    if (it == cases.end()) {
        std::fprintf(stderr, "no test case named '%s'\n", argv[1]);
        return 2;
    }
    it->second();
    const int failures = sideman::test::Registry::failures();
    std::printf("%s: %s (%d failed checks)\n", argv[1], failures == 0 ? "passed" : "FAILED", failures);
    return failures == 0 ? 0 : 1;
}
