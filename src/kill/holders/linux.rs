//! Linux's platform holders are the shared rules of kill/policy.rs
//! (systemd, containers): nothing more here.

use crate::kill::policy::Verdict;
use crate::report::ProcessReport;

pub(crate) fn decide(_p: &ProcessReport, _port: u16) -> Option<Verdict> {
    None
}
