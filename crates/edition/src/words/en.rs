//! English: the words of the pages Bawaba writes.

use super::PageMsg;

pub fn t(msg: PageMsg) -> &'static str {
    use PageMsg::*;
    match msg {
        Title => "Crossings, aid points and safety notices",
        AsPublished => "As published {when}, {zone} time. This page does not update itself: check the dates and hours before you go.",
        LiveLink => "Open the live portal (needs a recent browser and a connection)",
        LeftOut => "Not on this page:",
        LeftOutRemote => "published on another website, which could not be reached when this page was written",
        LeftOutInvalid => "the file could not be read as a feed",
        LeftOutSignature => "its signature could not be verified with a trusted key",
        LeftOutNotKept => "the phone that passed this page on had no copy of it",
        PassedByHand => "Passed by hand: written on a phone {when}, {zone} time, from the copies it kept, not by the publisher. This page does not update itself: see when each feed was published below, and check the dates and hours before you go.",
        AlsoHere => "Also concerns this area:",
        Expired => "Some of this information has expired: its publisher set it to end {when}. Check with local sources before you travel.",
        AreaNone => "Across the Strip",
        ZoneGaza => "Gaza",
        SnapshotAsPublished => "As published {when}, {zone} time. Check the dates and hours before you go.",
        SnapshotEverything => "Everything on one page: every crossing, aid point and notice",
        DigestAsOf => "As of {when}",
    }
}
