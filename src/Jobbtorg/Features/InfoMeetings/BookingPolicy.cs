using System.Linq.Expressions;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Identity;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>
/// Which meetings an automatic booking may use, and when a district can next be booked. A meeting qualifies when it
/// is of the case's kind at the centre that serves the case, is not cancelled, starts at least the minimum notice
/// from now and before the booking horizon ends, and has a free seat; it is used only in a week where the district
/// has places left of its weekly quota. Pure rules over plain data; the database applies the same expression.
/// </summary>
public sealed record BookingPolicy(int MinimumNoticeHours, int BookingHorizonWeeks)
{
    public static BookingPolicy From(InfoMeetingOptions options) => new(options.MinimumNoticeHours, options.BookingHorizonWeeks);

    /// <summary>Youth meetings are for people aged 16–24 on the referral date, the others go to adult meetings.</summary>
    public static MeetingKind KindFor(Case c) =>
        PersonalNumber.TryParse(c.Participant.PersonalNumber, c.ReferralDate, out var number, out _)
        && number.AgeOn(c.ReferralDate) is >= 16 and <= 24 ? MeetingKind.Youth : MeetingKind.Adult;

    /// <summary>The centre whose meetings of the kind the district's people go to: youth to the youth branch where the
    /// district has one.</summary>
    public static int ServingCentre(District district, MeetingKind kind) => district.ServingJobCentreId(kind == MeetingKind.Youth);

    /// <summary>The meetings of the kind at the centre that an automatic booking may use now.</summary>
    public Expression<Func<InfoMeeting, bool>> Qualifying(int jobCentreId, MeetingKind kind, DateTimeOffset now)
    {
        var from = now.AddHours(MinimumNoticeHours);
        var until = now.AddDays(7 * BookingHorizonWeeks);
        return m => m.JobCentreId == jobCentreId && m.Kind == kind && m.CancelledAt == null
                    && m.StartsAt >= from && m.StartsAt < until && m.BookedSeats < m.Capacity;
    }

    /// <summary>Places left of a district's weekly quota; null when the district has no quota for the kind and is
    /// limited only by the seats.</summary>
    public static int? PlacesLeft(int? placesPerWeek, int used) => placesPerWeek - used;

    /// <summary>
    /// The earliest meeting the district could be booked on now, with the places it has left that week: the first
    /// qualifying meeting (earliest start, then lowest id) in a week where the district has places left. Null when none
    /// lies within the horizon. What a case worker tells the person on the phone.
    /// </summary>
    public (InfoMeeting Meeting, int? QuotaLeft)? NextFree(IEnumerable<InfoMeeting> meetings, int jobCentreId, MeetingKind kind, int? placesPerWeek,
        IReadOnlyDictionary<DateOnly, int> usedPerWeek, DateTimeOffset now)
    {
        var qualifies = Qualifying(jobCentreId, kind, now).Compile();
        foreach (var meeting in meetings.Where(qualifies).OrderBy(m => m.StartsAt).ThenBy(m => m.Id))
        {
            var left = PlacesLeft(placesPerWeek, usedPerWeek.GetValueOrDefault(meeting.WeekStart));
            if (left is null or > 0) return (meeting, left);
        }
        return null;
    }
}
