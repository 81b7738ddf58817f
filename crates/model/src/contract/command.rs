//! Every command, one line each: `name(argument) -> reply`, and `streams Message` for a subscription. The marker
//! types are spelled like the commands (snake case) on purpose: the name on the wire, in the UI and in the backend
//! is one word.
#![allow(non_camel_case_types)]

use super::{Command, Subscription};
use super::{
    ContainerActionArgs, ImageActionArgs, LogsArgs, LogsBeforeArgs, NetworkActionArgs, PullArgs,
    RegistryTagsArgs, TagArgs, TerminalArgs, TerminalInputArgs, TerminalResizeArgs,
};
use super::{FileArgs, FileChoice, OpenComposeArgs};
use crate::activity::{ActivityDetail, ActivityEntry, ActivityMessage};
use crate::compose::{ComposeCommand, ComposeFile, ComposeProject, ComposeTool};
use crate::container::files::{
    CommitRequest, ContainerLayers, Copied, CopyIn, CopyMessage, CopyOut, ExportRequest,
    FileChange, FileListing, FileText,
};
use crate::container::recreate::{NewerImage, RecreatePlan, Recreated};
use crate::image::archive::{ArchiveMessage, LoadImages, SaveImages};
use crate::image::pull::PullMessage;
use crate::network::{NetworkCreate, NetworkSummary};
use crate::notification::Opens;
use crate::swarm::{
    NodeSummary, ServiceSummary, StackCommand, SwarmAction, SwarmInfo, TaskSummary,
};
use crate::system::context::{EngineAdd, EngineEntry, EngineProbe};
use crate::system::disk::{DiskUsage, Reclaim, Reclaimed};
use crate::system::overview::EngineUpdate;
use crate::tool::ToolMessage;
use crate::tour::TourSource;
use crate::volume::{MountUse, VolumeCreate};
use crate::{
    BuildMessage, BuildRequest, Catalog, ContainerDetails, ContainerSummary, EngineInfo,
    ImageDetails, ImageReference, ImageSummary, LogLine, LogMessage, Login, PageError,
    ProcessesMessage, PrunePreview, PruneReport, Registry, RunRequest, SearchResult, Settings,
    StatsMessage, StreamMessage, Tags, TerminalMessage, VolumeSummary,
};

macro_rules! contract {
    ($( $(#[$doc:meta])* $name:ident ( $args:ty ) -> $reply:ty $(, streams $message:ty)? ; )*) => {
        $(
            $(#[$doc])*
            #[derive(Clone, Copy, Debug)]
            pub struct $name;

            impl Command for $name {
                const NAME: &'static str = stringify!($name);
                type Args = $args;
                type Reply = $reply;
            }

            $( impl Subscription for $name { type Message = $message; } )?
        )*

        /// Every command's name, in declaration order: what the backend registers and the window may call.
        pub const NAMES: &[&str] = &[$(stringify!($name)),*];
    };
}

contract! {
    // The activity console.
    /// The recorded requests, newest last.
    list_activity(()) -> Vec<ActivityEntry>;
    /// One recorded request with its request and answer, by id; `None` once it left the log.
    activity_detail(u64) -> Option<ActivityDetail>;
    clear_activity(()) -> ();
    subscribe_activity(()) -> u64, streams ActivityMessage;

    // The engine.
    /// "Retry now" on the unreachable page.
    retry_connection(()) -> ();
    engine_info(()) -> EngineInfo;
    /// The engine's change stream (invalidations and connection changes).
    subscribe_engine(()) -> u64, streams StreamMessage;
    /// Every engine the user has (contexts, DOCKER_HOST, default, Podman), each probed.
    list_engines(()) -> Vec<EngineEntry>;
    /// The Engines overview, live: each listed engine followed, a message whenever one's look changes.
    subscribe_engines(()) -> u64, streams EngineUpdate;
    /// Follows the engine of this name; how many streams of the previous one were cancelled.
    switch_engine(String) -> usize;
    /// The add form's engine, connected to as typed (its TLS files where the user chose them), before saving.
    probe_engine(EngineAdd) -> EngineProbe;
    /// `docker context create`, through the docker CLI.
    add_engine(EngineAdd) -> ();
    /// `docker system df -v`: slow on a big engine, asked only by the disk page.
    disk_usage(()) -> DiskUsage;
    /// Removes exactly the previewed objects; what went, what was freed, what refused.
    reclaim(Reclaim) -> Reclaimed;

    // Containers. A container is named by its id or name.
    /// `docker ps` (false) or `docker ps -a` (true).
    list_containers(bool) -> Vec<ContainerSummary>;
    /// `docker ps -a` of these containers (by id): what an event burst named; one the engine no longer lists is gone.
    list_named_containers(Vec<String>) -> Vec<ContainerSummary>;
    container_action(ContainerActionArgs) -> ();
    /// `docker run`: the new container's id.
    run_container(RunRequest) -> String;
    container_details(String) -> ContainerDetails;
    logs_before(LogsBeforeArgs) -> Vec<LogLine>;
    /// The list's CPU and memory columns for these running containers, a round every few seconds.
    subscribe_list_stats(Vec<String>) -> u64, streams StatsMessage;
    /// Asks where to save a container's whole log and writes it; the path, or `None` when cancelled.
    save_logs(String) -> Option<String>;
    subscribe_logs(LogsArgs) -> u64, streams LogMessage;
    subscribe_stats(String) -> u64, streams StatsMessage;
    subscribe_processes(String) -> u64, streams ProcessesMessage;
    open_terminal(TerminalArgs) -> u64, streams TerminalMessage;
    /// Whether the terminal was still open.
    terminal_input(TerminalInputArgs) -> bool;
    terminal_resize(TerminalResizeArgs) -> bool;
    /// Opens an `http(s)://` address (a published port) in the user's browser.
    open_url(String) -> ();

    /// What recreating this container would do (`docker run` of its settings, or its compose service).
    recreate_plan(String) -> RecreatePlan;
    /// Pulls the container's image reference again: whether it now names a newer image.
    check_image(String) -> NewerImage;
    /// Recreates the planned container from its image reference with the same settings; rolls back on failure.
    recreate_container(RecreatePlan) -> Recreated;

    // A container's files (the Files tab).
    /// One folder's entries, read through the archive API (running or stopped, no shell needed).
    list_files(FileArgs) -> FileListing;
    /// A file's first megabyte for the viewer; no text for a binary file.
    read_file(FileArgs) -> FileText;
    /// `docker cp CONTAINER:PATH FOLDER`: its progress, then what was copied.
    copy_out(CopyOut) -> u64, streams CopyMessage;
    /// `docker cp SOURCE CONTAINER:FOLDER`: its progress, then what was copied.
    copy_in(CopyIn) -> u64, streams CopyMessage;
    /// `docker diff`.
    container_changes(String) -> Vec<FileChange>;
    /// The image's layers and the container's writable one, with its size.
    container_layers(String) -> ContainerLayers;
    /// `docker commit`: the new image's id.
    commit_container(CommitRequest) -> String;
    /// `docker export -o FILE`.
    export_container(ExportRequest) -> Copied;
    /// The user's Downloads folder (else home), where a copy out goes unless they choose another.
    downloads_folder(()) -> String;

    // Images. An image is named by a reference or its id.
    list_images(()) -> Vec<ImageSummary>;
    image_action(ImageActionArgs) -> ();
    pull_image(PullArgs) -> u64, streams PullMessage;
    push_image(ImageReference) -> u64, streams PullMessage;
    build_image(BuildRequest) -> u64, streams BuildMessage;
    /// `docker save -o FILE IMAGE…`, its progress streamed; cancelling stops it and removes the partial file.
    save_images(SaveImages) -> u64, streams ArchiveMessage;
    /// `docker load -i FILE`, its progress streamed.
    load_images(LoadImages) -> u64, streams ArchiveMessage;
    /// The system's folder picker with this title; `None` when cancelled.
    choose_folder(String) -> Option<String>;
    /// The system's file picker (a compose file, a certificate); `None` when cancelled.
    choose_file(FileChoice) -> Option<String>;
    image_details(String) -> ImageDetails;
    tag_image(TagArgs) -> ();
    /// What `docker image prune` (false) or `prune -a` (true) would remove.
    prune_preview(bool) -> PrunePreview;
    prune_images(bool) -> PruneReport;

    // Registries. A registry is named by its address (`docker.io`, `host:port`).
    list_registries(()) -> Vec<Registry>;
    /// Checked by the engine with the registry before anything is saved; the reply never holds the password.
    login(Login) -> Registry;
    logout(String) -> ();
    registry_catalog(String) -> Catalog;
    registry_tags(RegistryTagsArgs) -> Tags;
    search_hub(String) -> Vec<SearchResult>;
    /// Whether the engine can find this image in its registry (`docker manifest inspect`), as a pull would first.
    image_pullable(ImageReference) -> ();

    // Volumes. A volume is named by its name.
    list_volumes(()) -> Vec<VolumeSummary>;
    create_volume(VolumeCreate) -> ();
    remove_volume(String) -> ();
    /// Exactly these volumes (what "Remove unused" listed); the names removed.
    remove_volumes(Vec<String>) -> Vec<String>;
    /// `docker volume inspect`: the engine's JSON.
    inspect_volume(String) -> String;
    /// The bind mounts and tmpfs mounts of every container.
    list_host_mounts(()) -> Vec<MountUse>;

    // Networks. A network is named by its name.
    /// `docker network ls`, each with the containers attached.
    list_networks(()) -> Vec<NetworkSummary>;
    /// `docker network create`: the new network's id.
    create_network(NetworkCreate) -> String;
    network_action(NetworkActionArgs) -> ();
    /// Exactly these networks (what "Remove unused" listed); the names removed.
    remove_networks(Vec<String>) -> Vec<String>;
    /// `docker network inspect`: the engine's JSON.
    inspect_network(String) -> String;

    // Compose. A project is named by its name; its file by its absolute path.
    /// The Compose tool on this machine, if any.
    compose_tool(()) -> Option<ComposeTool>;
    /// The file as the tool normalises it (`config`).
    open_compose_file(OpenComposeArgs) -> ComposeFile;
    /// The projects the engine has containers of, from their labels.
    list_compose_projects(()) -> Vec<ComposeProject>;
    /// One run of the tool (up, down, logs -f …), its output streamed; cancelling kills it.
    compose_run(ComposeCommand) -> u64, streams ToolMessage;
    /// `docker compose -p PROJECT logs -f`, read from the engine: every container of the project followed, each
    /// line tagged `SERVICE | TEXT` (`compose::logs::tagged`).
    project_logs(String) -> u64, streams ToolMessage;
    /// Writes the guided tour's compose file (chapter 2) into the app's data folder; its path.
    write_tour_compose(TourSource) -> String;

    // Swarm. A service is named by its name, a node by its id.
    /// This engine's place in a swarm, with the join commands' parts when it is a manager.
    swarm_info(()) -> SwarmInfo;
    swarm_action(SwarmAction) -> ();
    /// `docker node ls`.
    list_nodes(()) -> Vec<NodeSummary>;
    /// `docker service ls`, with running/desired tasks.
    list_services(()) -> Vec<ServiceSummary>;
    /// `docker service inspect SERVICE`: the engine's JSON, for the spec tree.
    inspect_service(String) -> String;
    /// `docker service ps SERVICE`.
    service_tasks(String) -> Vec<TaskSummary>;
    /// `docker service logs -f SERVICE` through the docker CLI: every task's lines, each with its task and node.
    service_logs(String) -> u64, streams ToolMessage;
    /// `docker stack deploy|rm` through the docker CLI, its output streamed.
    stack_run(StackCommand) -> u64, streams ToolMessage;

    // Settings.
    get_settings(()) -> Settings;
    set_settings(Settings) -> ();
    /// Desktop notifications the user clicked: what each opens (the window is already brought to the front).
    subscribe_notifications(()) -> u64, streams Opens;

    // Subscriptions and the page itself.
    /// Cancels a subscription; whether it was still open.
    unsubscribe(u64) -> bool;
    /// How many subscriptions are open (the leak tests count them).
    subscription_count(()) -> usize;
    /// A panic or uncaught error in the page, for the app's log.
    report_page_error(PageError) -> ();
}
