using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.InfoMeetings;

public sealed record InfoMeetingDto(int Id, string JobCentre, MeetingKind Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string Room, string Language, int Capacity, int BookedSeats, int FreeSeats, bool Cancelled, Guid? SeriesId)
{
    public static InfoMeetingDto From(InfoMeeting m) => new(m.Id, m.JobCentre.Code, m.Kind, m.StartsAt.ToStockholm(), m.EndsAt.ToStockholm(),
        m.Room, m.Language, m.Capacity, m.BookedSeats, m.FreeSeats, m.IsCancelled, m.SeriesId);
}
