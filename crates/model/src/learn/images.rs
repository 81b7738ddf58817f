//! Images: read-only templates, base images, layers, tags, and removing them.

use super::{Command, Content, Section};

pub(super) const CONTENT: Content = Content {
    title: "Images",
    summary: "An image is a read-only template: the files and settings a container starts from. Images are made of \
              shared layers, named with tags, and kept on the engine or in a registry.",
    gui: "Images page → Pull to download, Details for an image's layers, Tag and Push, and Remove on the selected \
          row.",
    sections: &[
        Section {
            heading: "A read-only template",
            body: "An image bundles a filesystem — a program with the libraries and files it needs — and settings: \
                   the command to start, environment variables, the ports it listens on.\n\n\
                   An image never changes once it is made. Like a recipe that can be cooked many times, one image \
                   can start any number of containers, each with a writable layer of its own on top.",
        },
        Section {
            heading: "Base images",
            body: "Every image builds on another one, named by the `FROM` line of its Dockerfile: its base image. \
                   Bases can be an operating system (`ubuntu`, `debian`), a language runtime (`python`, `node`) or \
                   a complete stack (`nginx`, `php` with FPM).\n\n\
                   Slim bases keep images small: Alpine is a whole Linux distribution with a package manager in \
                   about 5 MB, and `scratch` is the empty image — nothing at all, for a program that needs no \
                   other files.",
        },
        Section {
            heading: "Layers",
            body: "An image is a stack of layers. Each Dockerfile step that changes files adds one layer holding \
                   just those changes; `docker history` lists them with the step that made each.\n\n\
                   Layers are identified by their content, so they are stored once and shared: ten images built \
                   on the same base keep that base's layers only once on disk, and a pull downloads only the \
                   layers the engine does not have yet.",
        },
        Section {
            heading: "Names and tags",
            body: "An image's name is `repository:tag`, with an optional registry in front. In \
                   `nginx:1.12-alpine-perl` the repository is `nginx` and the tag, after the colon, picks a \
                   version and variant. One image can carry several tags: `docker tag` adds a name, it copies \
                   nothing.\n\n\
                   Without a tag, Docker uses `latest`. That is only the default name, not a promise of the newest \
                   version: it is whatever the publisher last pushed under that name, and your local copy stays \
                   the one you pulled until you pull again.\n\n\
                   Tags make rolling back easy: deploy `myapp:1.4` rather than `myapp:latest`, and if 1.4 goes \
                   wrong, run `myapp:1.3` again.",
        },
        Section {
            heading: "Removing images",
            body: "`docker rmi` removes a tag; the image itself goes with its last tag. While a container — running \
                   or stopped — was created from an image, the engine refuses to delete it with a conflict error \
                   naming that container. Remove the containers first with `docker rm`. `docker rmi -f` forces the \
                   removal past stopped containers, never past running ones.",
        },
    ],
    commands: &[
        Command {
            cli: "docker image ls",
            what: "Lists the images on this engine, one row per tag, with their ID, age and size.",
        },
        Command {
            cli: "docker image inspect nginx",
            what: "Prints everything the engine knows about an image as JSON: layers, command, environment, \
                   exposed ports.",
        },
        Command {
            cli: "docker pull nginx",
            what: "Downloads `nginx:latest` from Docker Hub, fetching only the layers that are not here yet.",
        },
        Command {
            cli: "docker pull nginx:1.12-alpine-perl",
            what: "Downloads one specific version of nginx, picked by the tag after the colon.",
        },
        Command {
            cli: "docker history nginx",
            what: "Lists an image's layers, newest first, with the instruction that made each and its size.",
        },
        Command {
            cli: "docker tag nginx:1.12-alpine-perl my-nginx:stable",
            what: "Gives an existing image one more name without copying anything.",
        },
        Command {
            cli: "docker save -o images.tar nginx:latest",
            what: "Writes images (every layer and name) into one tar file, to carry them where no registry reaches \
                   (Images → Save…).",
        },
        Command {
            cli: "docker load -i images.tar",
            what: "Reads a `docker save` tar back into the engine, the images under their names (Images → Load…).",
        },
        Command {
            cli: "docker rmi my-nginx:stable",
            what: "Removes a tag, and the image itself when no other tag and no container refers to it.",
        },
    ],
};
