//! Dockerfiles: the instructions (FROM, ENV, RUN, CMD, ENTRYPOINT), building, and publishing the result.

use super::{Command, Content, Section};

pub(super) const CONTENT: Content = Content {
    title: "Dockerfiles",
    summary: "A Dockerfile is the recipe for an image: a text file of instructions that `docker build` carries out \
              one after another, each adding to the image.",
    gui: "Images page → Build: pick a folder with a Dockerfile, name the image, and watch each step run.",
    sections: &[
        Section {
            heading: "Instructions",
            body: "Each line starts with an instruction, followed by its arguments. A small Dockerfile needs only the \
                   four most common ones:\n\n\
                   - `FROM busybox` picks the base image to start from; it opens every Dockerfile.\n\
                   - `ENV GREETING=hello` sets an environment variable for the steps that follow and for every \
                   container made from the image.\n\
                   - `RUN echo \"$GREETING from a Porthole build\" > /greeting` runs a shell command while \
                   building and saves the files it changed as a new layer — typically to install what the base \
                   image lacks.\n\
                   - `CMD [\"cat\", \"/greeting\"]` records the command a container runs when it starts.\n\n\
                   Others you will meet: `COPY` brings files from the build folder into the image, `WORKDIR` sets \
                   the directory commands run in, `EXPOSE` documents the ports the program listens on.",
        },
        Section {
            heading: "RUN happens once, CMD every time",
            body: "`RUN` is carried out while the image is built, and only its result — the changed files — is \
                   kept. `CMD` does nothing at build time: it is stored in the image's settings and runs each time \
                   a container starts.",
        },
        Section {
            heading: "CMD or ENTRYPOINT",
            body: "Both say what a container runs; they differ in what the words after the image name in \
                   `docker run` do to them.\n\n\
                   - `CMD` is only a default: any arguments replace it entirely. With `CMD [\"cat\", \"/greeting\"]`, \
                   `docker run greeting:1 ls /` runs `ls /`.\n\
                   - `ENTRYPOINT` is the fixed program: arguments are appended to it, and a `CMD` becomes its \
                   default arguments. With `ENTRYPOINT [\"cat\"]` and `CMD [\"/greeting\"]`, `docker run \
                   greeting:1` runs `cat /greeting` and `docker run greeting:1 /etc/hostname` runs `cat \
                   /etc/hostname`. Only `docker run --entrypoint` replaces an ENTRYPOINT.\n\n\
                   Write both in the JSON form, `[\"program\", \"argument\"]`. The plain form `CMD cat /greeting` \
                   runs through `/bin/sh -c`, so the shell, not your program, receives `docker stop`'s SIGTERM; and \
                   a plain-form ENTRYPOINT ignores CMD and the run arguments altogether.",
        },
        Section {
            heading: "Building",
            body: "`docker build -t greeting:1 .` builds the Dockerfile in the current folder and names the result \
                   `greeting:1`. The final `.` is the build context: the folder whose files are sent to the \
                   engine, the only place `COPY` can take files from (a `.dockerignore` file lists what to leave \
                   out).\n\n\
                   Each step's result is cached. Building again reuses the layers of unchanged steps, up to the \
                   first instruction that changed; `--no-cache` runs every step afresh.",
        },
        Section {
            heading: "Publishing",
            body: "A built image exists only on this engine. To share it, name it for a registry with `docker tag`, \
                   log in, and `docker push` it; any engine with access can then pull it (see Registries).",
        },
    ],
    commands: &[
        Command {
            cli: "docker build -t greeting:1 .",
            what: "Builds an image from the Dockerfile in the current folder and tags it `greeting:1`.",
        },
        Command {
            cli: "docker build --no-cache -t greeting:1 .",
            what: "Builds again with every step run afresh instead of taken from the cache.",
        },
        Command {
            cli: "docker run --rm greeting:1",
            what: "Runs the image's CMD in a new container that is removed again when it exits.",
        },
        Command {
            cli: "docker run --rm greeting:1 env",
            what: "Runs `env` in place of CMD: its list includes `GREETING=hello`, set by ENV.",
        },
        Command {
            cli: "docker push docker-local-registry:4000/greeting:1",
            what: "Uploads the image, once tagged with that registry's name, so that other engines can pull it.",
        },
    ],
};
