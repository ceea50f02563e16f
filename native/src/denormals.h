// Scoped flush-to-zero / denormals-are-zero around managed DSP; restores the host's mode.
// CPU-specific (not OS-specific): x86 MXCSR or ARM64 FPCR.
#pragma once

#include <cstdint>

#if defined(__x86_64__) || defined(_M_X64) || defined(__i386__) || defined(_M_IX86)
#include <xmmintrin.h>
#define SIDEMAN_DENORMALS_X86 1
#endif

namespace sideman {

class DenormalGuard {
public:
    DenormalGuard() {
#if defined(SIDEMAN_DENORMALS_X86)
        saved_ = _mm_getcsr();
        _mm_setcsr(saved_ | 0x8040u); // FTZ (bit 15) | DAZ (bit 6)
#elif defined(__aarch64__)
        uint64_t fpcr;
        __asm__ __volatile__("mrs %0, fpcr" : "=r"(fpcr));
        saved_ = fpcr;
        __asm__ __volatile__("msr fpcr, %0" : : "r"(fpcr | (1ull << 24))); // FZ
#endif
    }
    ~DenormalGuard() {
#if defined(SIDEMAN_DENORMALS_X86)
        _mm_setcsr(static_cast<unsigned>(saved_));
#elif defined(__aarch64__)
        __asm__ __volatile__("msr fpcr, %0" : : "r"(saved_));
#endif
    }
    DenormalGuard(const DenormalGuard&) = delete;
    DenormalGuard& operator=(const DenormalGuard&) = delete;

private:
    uint64_t saved_ = 0;
};

} // namespace sideman
