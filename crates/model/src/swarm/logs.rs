//! A service's merged logs (`docker service logs`): the CLI prefixes each line with its task and node
//! (`web.1.k2j4h5…@node-a    | …`); this keeps the slot and node (`web.1@node-a`) as the line's source.

use crate::compose::logs::ProjectLogLine;

/// Splits one line of `docker service logs` into its source (`service.slot@node`) and text.
pub fn split(line: &str, _service: &str) -> ProjectLogLine {
    let Some((prefix, text)) = line.split_once(" | ").or_else(|| line.split_once(" |")) else {
        return ProjectLogLine {
            service: String::new(),
            text: line.to_owned(),
        };
    };
    let prefix = prefix.trim();
    let (task, node) = prefix.split_once('@').unwrap_or((prefix, ""));
    // `name.slot.taskid`: the task id says nothing to a reader; name and slot do.
    let task = match task.rsplit_once('.') {
        Some((name_slot, id))
            if id.len() >= 10 && id.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            name_slot
        }
        _ => task,
    };
    ProjectLogLine {
        service: if node.is_empty() {
            task.to_owned()
        } else {
            format!("{task}@{node}")
        },
        text: text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_and_node_kept_task_id_dropped() {
        let line = split(
            "web.2.k2j4h5l6m7n8p9q0r1s2t3u4@node-a    | GET / 200",
            "web",
        );
        assert_eq!(line.service, "web.2@node-a");
        assert_eq!(line.text, "GET / 200");
        assert_eq!(split("no prefix here", "web").service, "");
    }
}
