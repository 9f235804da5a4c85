// routemap::detail is not public API. See input_file.hpp.

#include "input_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <routemap/error.hpp>
#include <routemap/limits.hpp>

namespace routemap::detail {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what) {
    throw IoError("cannot read '" + path + "': " + what, SourceLocation{path, 0, 0});
}

std::string reason(int error) {
    if (error == ELOOP) return "too many levels of symbolic links (a symlink loop?)";
    return std::strerror(error);
}

class Descriptor {
public:
    explicit Descriptor(int fd) : fd_(fd) {}
    ~Descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    [[nodiscard]] int get() const { return fd_; }

private:
    int fd_;
};

}  // namespace

ReadEnd read_to_end(int fd, std::size_t expected, std::size_t most, std::string& out) {
    // One byte more than expected, so that reaching the end takes no second growth of the string.
    out.resize(std::min(expected, most) + 1);
    std::size_t done = 0;
    while (true) {
        if (done == out.size()) {
            if (done > most) {
                out.resize(done);
                return ReadEnd::too_big;
            }
            out.resize(std::min(most + 1, 2 * out.size()));
        }
        const auto n = ::read(fd, out.data() + done, out.size() - done);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            out.resize(done);
            return ReadEnd::failed;
        }
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    out.resize(done);
    return done > most ? ReadEnd::too_big : ReadEnd::whole;
}

std::string read_text_file(const std::string& path) {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer before fstat could
    // refuse it. It does not change how a regular file reads.
    Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
    if (fd.get() < 0) fail(path, reason(errno));
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) fail(path, reason(errno));
    if (S_ISDIR(info.st_mode)) fail(path, "it is a directory");
    if (!S_ISREG(info.st_mode)) fail(path, "not a regular file (a FIFO, socket or device is not read)");
    const auto size = static_cast<std::size_t>(info.st_size);
    auto too_big = [&](std::size_t bytes) {
        fail(path, "the file is " + std::to_string(bytes) + " bytes long; routemap reads at most " +
                       std::to_string(limits::max_file_bytes) + " bytes (docs/limits.md)");
    };
    if (size > limits::max_file_bytes) too_big(size);
    std::string text;
    const auto end = read_to_end(fd.get(), size, limits::max_file_bytes, text);
    if (end == ReadEnd::failed) fail(path, reason(errno));  // EIO and the like: an error, never an empty or short file
    if (end == ReadEnd::too_big) too_big(text.size());     // grew while being read
    return text;
}

}  // namespace routemap::detail
