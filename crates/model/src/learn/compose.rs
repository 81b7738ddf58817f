//! Docker Compose: multi-container applications described in one file, and how Porthole groups them.

use super::{Command, Content, Section};

pub(super) const CONTENT: Content = Content {
    title: "Docker Compose",
    summary: "Real applications are often several containers working together. Compose describes them all in one \
              file and starts, stops and removes them with one command.",
    gui: "Compose page → open a compose file, bring the project Up (with build, pull and profiles), Stop, Start, \
          Restart, Pull and Down (asking about volumes), and follow its merged logs — through the real Compose tool, \
          each command shown. The Containers page groups containers by project.",
    sections: &[
        Section {
            heading: "Multi-container applications",
            body: "A typical web application is an app server, a database and a cache, each in a container of its \
                   own so that each can be updated and restarted on its own. Starting them by hand means several \
                   long `docker run` commands with matching networks, volumes and environment, every time.\n\n\
                   Compose replaces those commands with a file that says how the whole application fits together.",
        },
        Section {
            heading: "Services in one file",
            body: "`compose.yaml` (older projects call it `docker-compose.yml`) lists the application's services. \
                   Each says which image to run, or which folder to build, plus its ports, volumes and \
                   environment. For example:\n\n\
                   - `web`: built from this folder's Dockerfile (`build: .`), publishing `8000:8000`, depending on \
                   `db` and `cache`.\n\
                   - `db`: `image: postgres:16`, keeping its data in the volume `pgdata`.\n\
                   - `cache`: `image: redis:7-alpine`.\n\n\
                   Compose puts the services on a network of their own where they reach each other by service \
                   name: the app connects to `db:5432`.",
        },
        Section {
            heading: "Projects",
            body: "The services of one file form a project, named after its folder unless you choose another name \
                   with `-p`. Every container Compose creates is labelled with its project and service (the \
                   `com.docker.compose.project` label) and named like `shop-web-1`. That is how `docker compose ps` \
                   finds them again — and how Porthole groups them.",
        },
        Section {
            heading: "Up and down",
            body: "`docker compose up -d` pulls or builds the images, creates the network, the volumes and the \
                   containers, and starts them in the background, dependencies first. Run it again after editing \
                   the file and it recreates only the services that changed.\n\n\
                   `docker compose down` stops and removes the project's containers and network. Named volumes stay, \
                   so the database keeps its data; `docker compose down -v` removes them too.",
        },
    ],
    commands: &[
        Command {
            cli: "docker compose up -d",
            what: "Creates and starts every service of the compose file in the current folder, in the background.",
        },
        Command {
            cli: "docker compose ps",
            what: "Lists the containers of this project and their state.",
        },
        Command {
            cli: "docker compose logs -f",
            what: "Follows the output of all the project's services together, each line marked with its service.",
        },
        Command {
            cli: "docker compose down",
            what: "Stops and removes the project's containers and network, keeping its named volumes.",
        },
        Command {
            cli: "docker compose down -v",
            what: "Also removes the project's volumes, and the data in them.",
        },
    ],
};
