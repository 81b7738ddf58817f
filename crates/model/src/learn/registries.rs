//! Registries: Docker Hub and the others, registry names in image references, visibility, login, push.

use super::{Command, Content, Section};

pub(super) const CONTENT: Content = Content {
    title: "Registries",
    summary: "A registry is a server that stores images so that any engine can pull them. Docker Hub is the default; \
              cloud providers and companies run their own, and you can run one yourself.",
    gui: "Registries page → Log in, Browse a registry's repositories and tags, and Search Docker Hub; Push is in an \
          image's Details on the Images page.",
    sections: &[
        Section {
            heading: "Where images come from",
            body: "A registry keeps repositories of tagged images and hands out their layers. An image name with no \
                   registry in it means Docker Hub: `docker pull nginx` is short for \
                   `docker pull docker.io/library/nginx:latest`, `library` being where Docker's official images \
                   live.\n\n\
                   Other registries you will meet:\n\n\
                   - Docker Hub, the default: public images for almost everything, and private repositories for \
                   accounts.\n\
                   - Google's Artifact Registry, which replaces Google Container Registry (`gcr.io`): names like \
                   `europe-docker.pkg.dev/project/repo/app`.\n\
                   - Amazon Elastic Container Registry (ECR): names like \
                   `123456789012.dkr.ecr.eu-west-1.amazonaws.com/app`.\n\
                   - JFrog Artifactory, a repository manager that stores Docker images next to many other kinds \
                   of package.\n\
                   - Your own: the open-source `registry` image runs one anywhere, served at a `host:port`.",
        },
        Section {
            heading: "The registry is part of the name",
            body: "To use another registry, put its host, and port if it has one, in front of the image name: \
                   `docker pull docker-local-registry:4000/nginx` pulls `nginx` from the registry on host \
                   `docker-local-registry`, port 4000. The first part counts as a registry when it contains a dot \
                   or a colon, or is `localhost`.\n\n\
                   Two colons can appear: in `docker-local-registry:4000/nginx:1.25` the first is the port and the \
                   last the tag. To push an image somewhere, it must be named for that registry first, with \
                   `docker tag`.",
        },
        Section {
            heading: "Public and private",
            body: "A public repository can be pulled by anyone, without logging in. A private one is visible only \
                   to the accounts given access, so pulling it needs a login; pushing always does.\n\n\
                   `docker login` checks your user name and password (or access token) with the registry and \
                   stores them — in the CLI's `config.json`, or in the system's keychain when a credential helper \
                   is set up — for later pulls and pushes. Without a helper, the password is only encoded, not \
                   encrypted. `docker logout` forgets it again.",
        },
        Section {
            heading: "Plain HTTP",
            body: "The engine talks to registries over HTTPS. A registry served over plain HTTP (common for a \
                   self-hosted test one) works only on `localhost`, or once its `host:port` is listed under \
                   `insecure-registries` in the daemon's `daemon.json`.",
        },
    ],
    commands: &[
        Command {
            cli: "docker pull docker-local-registry:4000/nginx",
            what: "Pulls `nginx` from the registry at `docker-local-registry`, port 4000, instead of Docker Hub.",
        },
        Command {
            cli: "docker login docker-local-registry:4000",
            what: "Logs in to that registry and stores the credentials for later pulls and pushes.",
        },
        Command {
            cli: "docker tag nginx docker-local-registry:4000/nginx:1",
            what: "Names a local image for that registry, which is what decides where a push goes.",
        },
        Command {
            cli: "docker push docker-local-registry:4000/nginx:1",
            what: "Uploads the image, sending only the layers the registry does not have yet.",
        },
        Command {
            cli: "docker logout docker-local-registry:4000",
            what: "Removes the stored credentials for that registry.",
        },
        Command {
            cli: "docker search nginx",
            what: "Searches Docker Hub's public repositories.",
        },
    ],
};
