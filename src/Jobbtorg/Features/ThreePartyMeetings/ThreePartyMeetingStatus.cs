namespace Jobbtorg.Features.ThreePartyMeetings;

public enum ThreePartyMeetingStatus { Planned, Held, Cancelled }
