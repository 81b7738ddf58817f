//! The Docker engine: daemon, CLI and API, and what a container is compared with a virtual machine.

use super::{Command, Content, Section};

pub(super) const CONTENT: Content = Content {
    title: "The Docker engine",
    summary: "Docker is a client–server application: a background service, the daemon, does all the work, and every \
              tool you use — the docker CLI, Porthole — is a client that sends it requests through its API.",
    gui: "Engine page → the engine's version, API version, operating system and resources, and the address Porthole \
          is connected to.",
    sections: &[
        Section {
            heading: "Containers are not virtual machines",
            body: "Docker provides OS-level virtualization: a container is an ordinary process on the host, which the \
                   host's kernel isolates from everything else — it gets its own view of the files, the network, \
                   the process list and the users — and holds to the CPU and memory limits it was given.\n\n\
                   A virtual machine is hardware virtualization: a hypervisor emulates a whole computer, and each \
                   VM boots a kernel of its own. Containers share the host's kernel instead, so they start in a \
                   fraction of a second and cost little more than the program they run.\n\n\
                   The flip side: Linux containers need a Linux kernel. On macOS and Windows, Docker Desktop runs \
                   one in a small, hidden virtual machine.",
        },
        Section {
            heading: "The daemon",
            body: "The daemon (`dockerd`) is the engine's server. It runs in the background on the host and does the \
                   heavy lifting: it downloads and stores images, builds new ones, creates, starts and stops \
                   containers, and manages volumes and networks.\n\n\
                   Containers belong to the daemon, not to the terminal or app that started them: closing the \
                   terminal, or Porthole, leaves them running.",
        },
        Section {
            heading: "The CLI",
            body: "The `docker` command is the client most people use. Each command becomes one or more API \
                   requests to the daemon, and the CLI prints the answer. `docker run`, for example, asks the \
                   daemon to create a container and then to start it, and pulls the image first if it is missing.\n\n\
                   Because the CLI is only a client, it can also talk to an engine on another machine: `DOCKER_HOST` \
                   or `docker context` tell it which engine to use.",
        },
        Section {
            heading: "The API",
            body: "The engine's API is plain HTTP with JSON, served on a Unix socket (`/var/run/docker.sock` on \
                   Linux), a named pipe on Windows, or a TCP address. Almost everything the CLI can do, the API \
                   can do, so any HTTP client works — even `curl`, as the commands below show.\n\n\
                   Whoever can use the socket controls the engine, and through it the whole host: treat access \
                   to it like root access.",
        },
        Section {
            heading: "Where Porthole fits",
            body: "Porthole is one more API client, talking to the same daemon as your terminal. A container you \
                   start with `docker run` appears here at once, and one you stop here is stopped for the CLI \
                   too: there is only one engine and one set of objects.",
        },
    ],
    commands: &[
        Command {
            cli: "docker version",
            what: "Shows the versions of the CLI and of the engine, and the API version they agreed to speak.",
        },
        Command {
            cli: "docker info",
            what: "Summarizes the engine: how many containers and images it holds, its storage driver, data root \
                   and resources.",
        },
        Command {
            cli: "curl --unix-socket /var/run/docker.sock http://localhost/version",
            what: "Asks the engine for its version through the API directly, with no docker CLI involved.",
        },
        Command {
            cli: "curl --unix-socket /var/run/docker.sock http://localhost/containers/json",
            what: "Lists the running containers as JSON: the very request `docker ps` makes.",
        },
    ],
};
