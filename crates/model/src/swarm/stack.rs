//! Stacks: a compose file deployed to a swarm by the docker CLI's own `docker stack deploy` (Porthole does not
//! convert compose files into services itself), and removed with `docker stack rm`.

use crate::input::InputError;

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "verb", rename_all = "snake_case")]
pub enum StackCommand {
    /// `docker stack deploy -c FILE NAME`.
    Deploy { file: String, name: String },
    /// `docker stack rm NAME`.
    Remove { name: String },
}

impl StackCommand {
    pub fn name(&self) -> &str {
        match self {
            Self::Deploy { name, .. } | Self::Remove { name } => name,
        }
    }

    /// The arguments after `docker`.
    pub fn args(&self) -> Vec<String> {
        match self {
            Self::Deploy { file, name } => ["stack", "deploy", "-c", file, name]
                .iter()
                .map(|w| (*w).to_owned())
                .collect(),
            Self::Remove { name } => ["stack", "rm", name]
                .iter()
                .map(|w| (*w).to_owned())
                .collect(),
        }
    }

    pub fn cli(&self) -> String {
        let mut words = vec!["docker".to_owned()];
        words.extend(self.args());
        crate::container::run::join(&words)
    }

    /// A stack name is a project name (lowercase letters, digits, `-`, `_`); a deployed file is an absolute YAML path.
    pub fn validate(&self) -> Result<(), InputError> {
        crate::compose::parse_project_name(self.name())?;
        if let Self::Deploy { file, .. } = self {
            crate::compose::parse_file_path(file)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deploy_and_remove_as_typed() {
        let deploy = StackCommand::Deploy {
            file: "/srv/shop/compose.yaml".into(),
            name: "shop".into(),
        };
        assert_eq!(
            deploy.cli(),
            "docker stack deploy -c /srv/shop/compose.yaml shop"
        );
        assert!(deploy.validate().is_ok());
        assert_eq!(
            StackCommand::Remove {
                name: "shop".into()
            }
            .cli(),
            "docker stack rm shop"
        );
        assert!(StackCommand::Remove {
            name: "--help".into()
        }
        .validate()
        .is_err());
        assert!(StackCommand::Deploy {
            file: "compose.yaml".into(),
            name: "shop".into()
        }
        .validate()
        .is_err());
    }
}
