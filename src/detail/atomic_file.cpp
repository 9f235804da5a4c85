// routemap::detail is not public API; this file implements routemap::write_file_atomically.
// The text goes to a temporary file in the target's directory (so that the rename cannot cross a
// file system), is flushed to disk, and is then renamed over the target: readers see either the old
// file or the new one, and a failure at any step leaves the old file as it was.
// Only a regular file is ever replaced: a FIFO, device, socket or directory at the path is refused
// (renaming over it would silently turn it into a regular file), and a symlink is followed, so that
// the file it points to is replaced and the link stays (a dangling link or a link to something else
// is refused). A writer killed before its rename leaves its temporary file, named
// `.NAME.tmp-PID-XXXXXX`; the next write of NAME removes those whose process is gone.

#include <routemap/assessment_io.hpp>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>
#include <cstdlib>
#include <string>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <routemap/error.hpp>

namespace routemap {

namespace {

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& what, int error) {
    throw IoError("cannot write '" + file.string() + "': " + what + ": " + std::strerror(error),
                  SourceLocation{file.string(), 0, 0});
}

// The permissions a newly created file gets (0666 less the umask), without changing the umask,
// which is process-wide: read it from /proc (Linux 4.7 and later), else assume 022.
mode_t new_file_mode() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("Umask:", 0) == 0) {
            try {
                return static_cast<mode_t>(0666 & ~std::stoul(line.substr(6), nullptr, 8));
            } catch (...) {
                break;
            }
        }
    }
    return 0644;
}

const char* kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    return "not a regular file";
}

// The file to replace: `file` itself, or the regular file a symlink at `file` leads to.
std::filesystem::path resolve_target(const std::filesystem::path& file) {
    struct stat link {};
    if (::lstat(file.c_str(), &link) != 0) {
        if (errno == ENOENT) return file;  // a new file
        fail(file, "cannot look at it", errno);
    }
    if (S_ISREG(link.st_mode)) return file;
    if (!S_ISLNK(link.st_mode))
        throw IoError("cannot write '" + file.string() + "': it is " + kind_of(link.st_mode) +
                          ", and routemap only replaces regular files",
                      SourceLocation{file.string(), 0, 0});
    std::error_code ec;
    auto target = std::filesystem::canonical(file, ec);
    if (ec) {
        const bool loop = ec == std::errc::too_many_symbolic_link_levels;
        throw IoError("cannot write '" + file.string() + "': it is a symlink " +
                          (loop ? std::string("loop") : "to nothing that exists (" + ec.message() + ")"),
                      SourceLocation{file.string(), 0, 0});
    }
    struct stat info {};
    if (::stat(target.c_str(), &info) != 0) fail(file, "cannot look at what it links to", errno);
    if (!S_ISREG(info.st_mode))
        throw IoError("cannot write '" + file.string() + "': it is a symlink to " + kind_of(info.st_mode) +
                          ", and routemap only replaces regular files",
                      SourceLocation{file.string(), 0, 0});
    return target;
}

// Removes `.NAME.tmp-PID-*` files left by writers that were killed before their rename: only those
// of NAME, and only when process PID no longer exists (a live writer's file is left alone).
void remove_stale_temporaries(const std::filesystem::path& directory, const std::string& name) {
    const std::string prefix = "." + name + ".tmp-";
    std::error_code ec;
    for (std::filesystem::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
        const auto entry = it->path().filename().string();
        if (entry.rfind(prefix, 0) != 0) continue;
        const auto rest = entry.substr(prefix.size());
        const auto dash = rest.find('-');
        if (dash == std::string::npos || dash == 0 || rest.size() - dash != 7) continue;
        if (rest.find_first_not_of("0123456789") != dash) continue;
        const long pid = std::strtol(rest.substr(0, dash).c_str(), nullptr, 10);
        if (pid <= 0 || pid == ::getpid() || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
        ::unlink(it->path().c_str());
    }
}

bool write_all(int fd, std::string_view contents) {
    while (!contents.empty()) {
        const auto written = ::write(fd, contents.data(), contents.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        contents.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

}  // namespace

void write_file_atomically(const std::filesystem::path& requested, std::string_view contents) {
    if (requested.filename().empty()) throw IoError("cannot write '" + requested.string() + "': not a file name");
    const auto file = resolve_target(requested);
    const auto directory = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
    remove_stale_temporaries(directory, file.filename().string());
    const std::string pattern =
        (directory / ("." + file.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-XXXXXX")).string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');

    const int fd = ::mkstemp(name.data());
    if (fd < 0) fail(file, "cannot create a temporary file in '" + directory.string() + "'", errno);
    const std::string temporary(name.data());
    auto abandon = [&](const std::string& what, int error) {
        ::close(fd);
        ::unlink(temporary.c_str());
        fail(file, what, error);
    };

    // Keep the permissions of the file being replaced; a new file gets the usual ones (mkstemp uses 0600).
    struct stat existing {};
    const mode_t mode = ::stat(file.c_str(), &existing) == 0 && S_ISREG(existing.st_mode) ? existing.st_mode & 07777
                                                                                        : new_file_mode();
    if (::fchmod(fd, mode) != 0) abandon("cannot set the permissions of '" + temporary + "'", errno);
    if (!write_all(fd, contents)) abandon("cannot write '" + temporary + "'", errno);
    if (::fsync(fd) != 0) abandon("cannot flush '" + temporary + "'", errno);
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        fail(file, "cannot close '" + temporary + "'", error);
    }
    if (::rename(temporary.c_str(), file.c_str()) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        fail(file, "cannot replace it with '" + temporary + "'", error);
    }
    // Make the rename itself durable; a failure here does not undo the write, so it is not reported.
    const int dir = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

}  // namespace routemap
