//! Swarm: Docker's own way to run containers across several machines — nodes, managers and workers, services,
//! tasks and replicas, the routing mesh, rolling updates and stacks.

use super::{Command, Content, Section};

pub(super) const CONTENT: Content = Content {
    title: "Swarm: one engine across several machines",
    summary: "When one machine is not enough, Docker's engines can join into a swarm: you declare a service — an \
              image and how many copies — and the swarm keeps that many running across its machines, replacing any \
              that stop.",
    gui: "Swarm page → Initialise a swarm (or see how another engine joins), the nodes with Drain and Activate, \
          services with Create, Scale, Update image, Roll back and Remove, and each service's tasks with why one \
          failed.",
    sections: &[
        Section {
            heading: "Nodes: managers and workers",
            body: "A swarm is a set of Docker engines, each a node. `docker swarm init` makes this engine the first \
                   manager; others join with `docker swarm join --token … ADDRESS:2377` as workers or managers.\n\n\
                   - Managers keep the swarm's state (agreed by vote, so run 1, 3 or 5) and decide where work runs.\n\
                   - Workers run what they are given.\n\n\
                   A node can be drained (`docker node update --availability drain`): its tasks move to other nodes, \
                   for maintenance.",
        },
        Section {
            heading: "Services, tasks and replicas",
            body: "You do not start containers on a swarm; you declare a service: `docker service create --name web \
                   --replicas 3 nginx`. The swarm turns it into tasks — one per replica — and places each on a node, \
                   where it becomes a container. If a container stops or a node goes away, the swarm starts a new \
                   task elsewhere to keep three running.\n\n\
                   A global service (`--mode global`) runs one task on every node instead, for agents such as log \
                   shippers.",
        },
        Section {
            heading: "Publishing: the routing mesh",
            body: "`--publish 8080:80` publishes through the routing mesh: every node answers on 8080 and forwards to a \
                   running task, wherever it is. `--publish mode=host,published=8080,target=80` publishes only on the \
                   nodes that run a task, on their own port — like `docker run -p`.",
        },
        Section {
            heading: "Rolling updates and rollback",
            body: "`docker service update --image nginx:1.27 web` replaces the tasks a few at a time (one by default), \
                   so the service keeps answering. The service's update state says how far it got. `docker service \
                   rollback web` returns to the previous definition the same way.",
        },
        Section {
            heading: "Stacks",
            body: "A stack is a compose file deployed to a swarm: `docker stack deploy -c compose.yaml shop` creates \
                   one service per compose service, labelled with the stack's name, and `docker stack rm shop` removes \
                   them.",
        },
    ],
    commands: &[
        Command {
            cli: "docker swarm init --advertise-addr 192.168.1.10",
            what: "Makes this engine a one-node swarm's manager, reachable by others at that address.",
        },
        Command {
            cli: "docker swarm join-token worker",
            what: "Prints the command another engine runs to join as a worker.",
        },
        Command {
            cli: "docker node ls",
            what: "Lists the nodes with their role, availability and state.",
        },
        Command {
            cli: "docker service create --name web --replicas 3 -p 8080:80 nginx",
            what: "Declares a service of three replicas published through the routing mesh.",
        },
        Command {
            cli: "docker service scale web=5",
            what: "Changes how many replicas run.",
        },
        Command {
            cli: "docker service ps web",
            what: "Lists the service's tasks: where each runs, its state, and why one failed.",
        },
        Command {
            cli: "docker service update --image nginx:1.27 web",
            what: "Rolls the service to another image, task by task.",
        },
        Command {
            cli: "docker service rollback web",
            what: "Returns to the previous definition.",
        },
        Command {
            cli: "docker swarm leave --force",
            what: "Takes this engine out of the swarm (on the last manager, that ends the swarm).",
        },
    ],
};
