//! Getting help: the CLI's own documentation, and how Porthole shows the command behind everything it does.

use super::{Command, Content, Section};

pub(super) const CONTENT: Content = Content {
    title: "Getting help",
    summary: "Every docker command documents itself, and Porthole shows the docker command behind everything it \
              does, so what you learn here works in a terminal too.",
    gui: "Every form's `$` line shows the docker command it amounts to, and the activity console lists each request \
          Porthole sent the engine, with a curl line to send it yourself.",
    sections: &[
        Section {
            heading: "Help from the CLI",
            body: "Put `help` before a command to read its documentation: `docker help pull` shows what `docker \
                   pull` does and every option it takes. `docker pull --help` prints the same.\n\n\
                   Commands are grouped by the kind of object they act on. `docker help image` lists everything \
                   you can do with images (`ls`, `inspect`, `pull`, `rm`, `prune`, …); `docker --help` lists all the \
                   groups. Some commands have a short form: `docker images` is `docker image ls`, `docker ps` is \
                   `docker container ls`.",
        },
        Section {
            heading: "The command behind each form",
            body: "Porthole is made to teach the CLI, not to hide it. Every page and form shows its docker command \
                   on a line starting with `$`: as you fill in Run, Pull, Build, Tag or Create volume, the command \
                   follows what you type, and the copy button puts it on the clipboard, ready for a terminal.",
        },
        Section {
            heading: "The activity console",
            body: "The activity console lists what Porthole asked the engine, one line per action: the docker \
                   command it amounts to, the API request actually sent (such as \
                   `POST /containers/web/stop`), and a `curl` command that sends the same request to \
                   the engine's socket yourself.",
        },
        Section {
            heading: "Further reading",
            body: "The reference documentation lives at `docs.docker.com`: the CLI reference (every command and \
                   option), the Dockerfile reference (every instruction) and the Engine API reference (every \
                   request, the ones Porthole sends included).",
        },
    ],
    commands: &[
        Command {
            cli: "docker help pull",
            what: "Shows the documentation of `docker pull`: what it does and every option.",
        },
        Command {
            cli: "docker pull --help",
            what: "Shows the same documentation, asked for the other way round.",
        },
        Command {
            cli: "docker help image",
            what: "Lists the commands for working with images.",
        },
        Command {
            cli: "docker --help",
            what: "Lists every docker command, grouped by what it works on.",
        },
    ],
};
