namespace Jobbtorg.Features.Organisation;

public enum MeetingKind { Adult, Youth }
