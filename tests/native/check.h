// A minimal test harness: named cases, CHECK macros that record failures and keep going.
#pragma once

#include <cstdio>
#include <functional>
#include <map>
#include <sstream>
#include <string>

namespace sideman::test {

struct Registry {
    static std::map<std::string, std::function<void()>>& cases() {
        static std::map<std::string, std::function<void()>> all;
        return all;
    }
    static int& failures() {
        static int count = 0;
        return count;
    }
};

struct Register {
    Register(const char* name, std::function<void()> body) { Registry::cases()[name] = std::move(body); }
};

inline void fail(const char* file, int line, const std::string& what) {
    ++Registry::failures();
    std::fprintf(stderr, "FAIL %s:%d: %s\n", file, line, what.c_str());
}

} // namespace sideman::test

#define TEST_CASE(name) \
    static void name##_body(); \
    static ::sideman::test::Register name##_registration(#name, name##_body); \
    static void name##_body()

#define CHECK(condition)                                                              \
    do {                                                                              \
        if (!(condition)) ::sideman::test::fail(__FILE__, __LINE__, #condition);      \
    } while (0)

#define CHECK_MSG(condition, message)                                                 \
    do {                                                                              \
        if (!(condition)) {                                                           \
            std::ostringstream os_;                                                   \
            os_ << #condition << " -- " << message;                                   \
            ::sideman::test::fail(__FILE__, __LINE__, os_.str());                     \
        }                                                                             \
    } while (0)

// Stops the case (e.g. when later steps would crash on a null instance).
#define REQUIRE(condition)                                                            \
    do {                                                                              \
        if (!(condition)) {                                                           \
            ::sideman::test::fail(__FILE__, __LINE__, "required: " #condition);       \
            return;                                                                   \
        }                                                                             \
    } while (0)
