// See plugin_check.hpp.

#include "plugin_check.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <routemap/registry.hpp>

extern char** environ;

namespace routemap::cli {

namespace {

// How long a plugin may take to load in its check. Only ever reached by a plugin that hangs.
constexpr int check_timeout_ms = 20'000;

std::string describe_signal(int signal) {
    const char* name = ::strsignal(signal);
    return "signal " + std::to_string(signal) + (name ? std::string(", ") + name : std::string());
}

}  // namespace

int run_check_plugin_child(const std::vector<std::string>& args) {
    if (args.size() != 1) return 2;
    Registry::Options options;
    options.load_plugins = false;
    Registry registry({}, options);
    const std::filesystem::path file(args[0]);
    if (registry.load_plugin(file) && !registry.plugins().empty()) {
        const auto& p = registry.plugins().back();
        std::cout << "ok\t" << p.name << '\t' << p.version << '\n';
    } else {
        std::string why = registry.problems().empty() ? "refused" : registry.problems().back().message;
        // The parent adds "plugin NAME refused: " itself.
        const std::string prefix = "plugin " + file.filename().string() + " refused: ";
        if (why.rfind(prefix, 0) == 0) why = why.substr(prefix.size());
        for (auto& c : why)
            if (c == '\n' || c == '\t') c = ' ';
        std::cout << "refused\t" << why << '\n';
    }
    std::cout.flush();
    return 0;
}

PluginCheck check_plugin_in_child(const std::filesystem::path& file) {
    PluginCheck result;
    int out[2];
    if (::pipe2(out, O_CLOEXEC) != 0) {
        result.problem = std::string("cannot check it in a separate process: ") + std::strerror(errno);
        return result;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::string self = "routemap", command = check_plugin_command, path = file.string();
    char* argv[] = {self.data(), command.data(), path.data(), nullptr};
    pid_t pid = 0;
    const int spawned = ::posix_spawn(&pid, "/proc/self/exe", &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    if (spawned != 0) {
        ::close(out[0]);
        result.problem = std::string("cannot check it in a separate process: ") + std::strerror(spawned);
        return result;
    }

    std::string reply;
    bool timed_out = false;
    char buffer[4096];
    while (true) {
        pollfd wait_for{out[0], POLLIN, 0};
        const int ready = ::poll(&wait_for, 1, check_timeout_ms);
        if (ready < 0 && errno == EINTR) continue;
        if (ready == 0) {
            timed_out = true;
            ::kill(pid, SIGKILL);
            break;
        }
        const auto n = ::read(out[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        reply.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(out[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }

    if (timed_out) {
        result.problem = "it did not finish loading within " + std::to_string(check_timeout_ms / 1000) +
                         " s when opened in a separate check process; it was not loaded";
    } else if (WIFSIGNALED(status)) {
        result.problem = "it crashed while loading in a separate check process (" + describe_signal(WTERMSIG(status)) +
                         "); it was not loaded";
    } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || reply.empty()) {
        result.problem = "it ended its separate check process abnormally (exit status " +
                         std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + "); it was not loaded";
    } else {
        if (!reply.empty() && reply.back() == '\n') reply.pop_back();
        const auto tab = reply.find('\t');
        const auto kind = reply.substr(0, tab);
        const auto rest = tab == std::string::npos ? std::string() : reply.substr(tab + 1);
        if (kind == "ok") {
            result.ok = true;
            const auto second = rest.find('\t');
            result.name = rest.substr(0, second);
            result.version = second == std::string::npos ? std::string() : rest.substr(second + 1);
        } else {
            result.problem = rest.empty() ? "refused" : rest;
        }
    }
    return result;
}

}  // namespace routemap::cli
