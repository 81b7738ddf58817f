//! Networks: how containers reach each other and the outside — the default bridge, user-defined networks and their
//! DNS, host and none, and what publishing a port opens.

use super::{Command, Content, Section};

pub(super) const CONTENT: Content = Content {
    title: "Networks: how containers find each other",
    summary: "Every container gets a network interface of its own. Networks decide which containers can talk to \
              each other, by address or by name, and published ports decide what the host lets in.",
    gui: "Networks page → Create a network, Connect and Disconnect containers with aliases, Remove unused ones, \
          and the Topology picture of who is on which network with which address; a container's Overview lists \
          its networks.",
    sections: &[
        Section {
            heading: "The default bridge",
            body: "A container run without `--network` joins the network called `bridge`: a private network inside \
                   the host, with addresses like `172.17.0.2`. Containers on it can reach the internet through the \
                   host and each other by IP address.\n\n\
                   They cannot find each other by name there: the engine's built-in DNS (at `127.0.0.11` inside \
                   each container) answers only on networks you create.",
        },
        Section {
            heading: "User-defined networks",
            body: "`docker network create shop` makes a bridge network of your own. Containers run with `--network \
                   shop` reach each other by container name: a `web` container connects to `db:5432` and the \
                   engine's DNS answers with `db`'s address on that network.\n\n\
                   - `--alias api` gives a container another name on one network (`docker network connect --alias \
                   api shop web`).\n\
                   - `--subnet 172.28.0.0/16 --gateway 172.28.0.1` choose the addresses; `--ip` then gives a \
                   container a fixed one.\n\
                   - `--internal` makes a network with no way out: its containers reach each other only.\n\n\
                   A container can be on several networks at once, with an address on each — that is how a proxy \
                   joins a public and a private network. Compose creates one network per project for exactly this.",
        },
        Section {
            heading: "host and none",
            body: "- `--network host`: no network of its own; the container uses the host's. A server on port 80 \
                   inside listens on the host's port 80, and `-p` does nothing.\n\
                   - `--network none`: only loopback; nothing gets in or out.",
        },
        Section {
            heading: "Publishing ports",
            body: "A network keeps containers private to the host. `-p 8080:80` publishes: the engine forwards the \
                   host's port 8080 to port 80 of the container, so `http://localhost:8080` reaches it. Containers \
                   on the same network do not need published ports to talk to each other — they use the container's \
                   own port (`web:80`).",
        },
        Section {
            heading: "Overlay networks",
            body: "On a Swarm cluster, an `overlay` network spans every node: services on different machines reach \
                   each other by service name as if they were on one bridge. `--attachable` lets plain containers \
                   join it too.",
        },
    ],
    commands: &[
        Command {
            cli: "docker network ls",
            what: "Lists the networks: the three built-in ones and those created since.",
        },
        Command {
            cli: "docker network create --subnet 172.28.0.0/16 shop",
            what: "Creates a bridge network whose containers find each other by name.",
        },
        Command {
            cli: "docker run -d --network shop --name web nginx",
            what: "Runs a container on that network from the start.",
        },
        Command {
            cli: "docker network connect --alias api shop web",
            what: "Attaches a running container to another network, with an extra name there.",
        },
        Command {
            cli: "docker network disconnect shop web",
            what: "Takes the container off the network; it keeps running.",
        },
        Command {
            cli: "docker network inspect shop",
            what: "Shows the network's subnet, gateway and every attached container's address.",
        },
        Command {
            cli: "docker network rm shop",
            what: "Removes a network no container is attached to.",
        },
        Command {
            cli: "docker network prune",
            what: "Removes every network no container uses.",
        },
    ],
};
