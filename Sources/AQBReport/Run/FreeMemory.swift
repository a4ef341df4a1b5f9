import CShims

/// Hands the pages of freed heap memory back to the system, between the stages of a year.
///
/// Why: glibc's malloc keeps what a program frees for its next allocations, in the arena of the
/// thread that allocated it. A year is read on the second session's thread (`SecondSession`) and
/// its formats are rendered partly on a thread of their own (`RenderLanes`), while disclosure
/// control (GLPK, 13 MiB for the newest year of the benchmark's data) runs on the main thread:
/// the temporaries of reading and rendering stay resident in arenas the main thread does not
/// allocate from, and add to the run's peak. `malloc_trim(0)` gives free pages of every arena
/// back; measured on ten years of the generated data at scale 1 with the static build, it
/// brought the peak from 69.5 MiB to 61–65 MiB (BENCHMARKS.md, issue 19). It costs about a
/// millisecond; the memory stays usable, a later allocation maps fresh pages.
enum FreeMemory {
    /// Called once per year, after the year is read and before it is disclosed.
    static func release() {
        aqb_release_free_memory()
    }
}
