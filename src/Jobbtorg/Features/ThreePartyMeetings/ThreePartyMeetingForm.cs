namespace Jobbtorg.Features.ThreePartyMeetings;

/// <summary>Where the three parties meet: in a room, by video or by phone.</summary>
public enum ThreePartyMeetingForm { InPerson, Video, Phone }
