//! The words for the contract's values (statuses, services, areas…).

use super::Msg;
use bawaba_model::{Allowed, Area, Category, CorridorStatus, CorridorType, Direction, FeedKind, PointStatus, Service, Severity};

/// The label of a contract enum value; values this portal does not know
/// read "other", never the raw wire word.
pub trait Label {
    fn msg(&self) -> Msg;
}

macro_rules! labels {
    ($ty:ident { $($v:ident => $m:ident),+ $(,)? } other $o:ident) => {
        impl Label for $ty {
            fn msg(&self) -> Msg {
                match self { $($ty::$v => Msg::$m,)+ $ty::Other(_) => Msg::$o }
            }
        }
    };
}

impl Label for bawaba_model::Declared {
    fn msg(&self) -> Msg {
        use bawaba_model::Declared;
        match self {
            Declared::Corridor(s) => s.msg(),
            Declared::Point(s) => s.msg(),
            Declared::Notice(s) => s.msg(),
        }
    }
}

labels!(FeedKind { Corridors => KindCorridors, DistributionPoints => KindDistribution, Notices => KindNotices } other Other);
labels!(CorridorType { Crossing => CorridorCrossing, Road => CorridorRoad, Sea => CorridorSea } other Other);
labels!(CorridorStatus { Open => StatusOpen, Closed => StatusClosed, Restricted => StatusRestricted, Scheduled => StatusScheduled, SourcesDiffer => SourcesDiffer } other Other);
labels!(PointStatus { Open => StatusOpen, Closed => StatusClosed, Suspended => StatusSuspended, OutOfStock => StatusOutOfStock, Moved => StatusMoved, SourcesDiffer => SourcesDiffer } other Other);
labels!(Allowed {
    Pedestrians => AllowedPedestrians,
    PrivateVehicles => AllowedPrivateVehicles,
    AidTrucks => AllowedAidTrucks,
    CommercialTrucks => AllowedCommercialTrucks,
    MedicalEvacuation => AllowedMedicalEvacuation,
    Returnees => AllowedReturnees,
} other Other);
labels!(Direction { Both => DirBoth, NorthToSouth => DirNorthToSouth, SouthToNorth => DirSouthToNorth, IntoGaza => DirIntoGaza, OutOfGaza => DirOutOfGaza } other Other);
labels!(Service {
    Food => ServiceFood,
    Bread => ServiceBread,
    Water => ServiceWater,
    Hygiene => ServiceHygiene,
    Medical => ServiceMedical,
    Nutrition => ServiceNutrition,
    Shelter => ServiceShelter,
    Cash => ServiceCash,
    Fuel => ServiceFuel,
    Clothing => ServiceClothing,
    Psychosocial => ServicePsychosocial,
} other Other);
labels!(Category {
    Water => CatWater,
    Electricity => CatElectricity,
    Roads => CatRoads,
    Rubble => CatRubble,
    Uxo => CatUxo,
    Health => CatHealth,
    Telecom => CatTelecom,
    Shelter => CatShelter,
    Education => CatEducation,
    General => CatGeneral,
} other Other);
labels!(Severity { Info => SevInfo, Advisory => SevAdvisory, Warning => SevWarning, Danger => SevDanger } other Other);
labels!(Area { NorthGaza => AreaNorthGaza, Gaza => AreaGaza, DeirAlBalah => AreaDeirAlBalah, KhanYounis => AreaKhanYounis, Rafah => AreaRafah } other AreaOther);

