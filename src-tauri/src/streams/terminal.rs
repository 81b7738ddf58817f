//! A terminal subscription: an exec with a TTY whose output goes to the channel as text, and whose input (keys,
//! resizes) arrives through `Terminals`, keyed by the subscription's id.
//!
//! Invariant: an entry in `Terminals` exists only while its subscription runs — the task removes it when it ends,
//! and dropping the task hangs up the exec's shell (see `porthole_engine::container::exec::hang_up`).

use porthole_engine::Engine;
use porthole_model::container::terminal::Utf8Stream;
use porthole_model::TerminalMessage;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tauri::ipc::Channel;
use tokio::sync::mpsc;

pub enum Input {
    Keys(Vec<u8>),
    Resize { cols: u16, rows: u16 },
}

#[derive(Default)]
pub struct Terminals {
    inputs: Mutex<HashMap<u64, mpsc::UnboundedSender<Input>>>,
}

impl Terminals {
    fn insert(&self, id: u64, sender: mpsc::UnboundedSender<Input>) {
        self.lock().insert(id, sender);
    }

    fn remove(&self, id: u64) {
        self.lock().remove(&id);
    }

    /// `false` when the terminal has ended.
    pub fn send(&self, id: u64, input: Input) -> bool {
        self.lock()
            .get(&id)
            .is_some_and(|sender| sender.send(input).is_ok())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, mpsc::UnboundedSender<Input>>> {
        self.inputs
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

pub struct Session {
    pub container: String,
    pub command: Vec<String>,
    pub cols: u16,
    pub rows: u16,
}

/// Runs the terminal (subscription `id`) until the shell exits, the container stops, or the subscription is
/// cancelled.
pub async fn run(
    engine: Engine,
    session: Session,
    channel: Channel<TerminalMessage>,
    terminals: Arc<Terminals>,
    id: u64,
) {
    use futures_util::StreamExt;
    let (sender, mut input) = mpsc::unbounded_channel();
    terminals.insert(id, sender);
    let _forget = Forget { terminals, id };
    let exec = match porthole_engine::container::exec::start(
        &engine,
        &session.container,
        &session.command,
        session.cols,
        session.rows,
    )
    .await
    {
        Ok(exec) => exec,
        Err(error) => {
            super::finish(&channel, Err(error));
            return;
        }
    };
    let porthole_engine::container::exec::Session {
        id: exec_id,
        pid,
        mut output,
        input: writer,
    } = exec;
    let mut writer = HangUp {
        input: Some(writer),
        engine: engine.clone(),
        container: session.container.clone(),
        exec: exec_id.clone(),
        shell: session.command.first().cloned().unwrap_or_default(),
        pid,
    };
    if channel
        .send(TerminalMessage::Started {
            exec: exec_id.clone(),
        })
        .is_err()
    {
        return;
    }
    let mut decoder = Utf8Stream::default();
    loop {
        tokio::select! {
            chunk = output.next() => match chunk {
                Some(Ok(bytes)) => {
                    let text = decoder.push(&bytes);
                    if !text.is_empty() && channel.send(TerminalMessage::Output { text }).is_err() {
                        return;
                    }
                }
                Some(Err(error)) => {
                    super::finish(&channel, Err(error));
                    return;
                }
                None => break,
            },
            next = input.recv() => match next {
                Some(Input::Keys(keys)) => {
                    let Some(input) = writer.input.as_mut() else { break };
                    if porthole_engine::container::exec::write(input, &keys).await.is_err() {
                        break;
                    }
                }
                Some(Input::Resize { cols, rows }) => {
                    let _ = porthole_engine::container::exec::resize(&engine, &exec_id, cols, rows).await;
                }
                None => break,
            },
        }
    }
    super::finish(&channel, Ok(()));
}

/// Closes the terminal's shell however the task ends: closing the tab, the window, or the subscription being
/// cancelled. It runs as its own short task, because a cancelled task cannot await anything.
struct HangUp {
    input: Option<std::pin::Pin<Box<dyn tokio::io::AsyncWrite + Send>>>,
    engine: Engine,
    container: String,
    exec: String,
    shell: String,
    pid: Option<u32>,
}

impl Drop for HangUp {
    fn drop(&mut self) {
        if let Some(input) = self.input.take() {
            let (engine, container, exec, shell, pid) = (
                self.engine.clone(),
                self.container.clone(),
                self.exec.clone(),
                self.shell.clone(),
                self.pid,
            );
            tauri::async_runtime::spawn(async move {
                porthole_engine::container::exec::close(
                    &engine, &container, &exec, &shell, pid, input,
                )
                .await
            });
        }
    }
}

/// Removes the terminal's input entry however the task ends (finished, failed or aborted).
struct Forget {
    terminals: Arc<Terminals>,
    id: u64,
}

impl Drop for Forget {
    fn drop(&mut self) {
        self.terminals.remove(self.id);
    }
}
