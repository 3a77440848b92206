namespace Jobbtorg.Features.InfoMeetings;

public sealed class InfoMeetingOptions
{
    /// <summary>How far ahead a case is booked automatically; beyond it the case waits on the waiting list.</summary>
    public int BookingHorizonWeeks { get; set; } = 8;
    /// <summary>An automatic booking leaves the person at least this much notice.</summary>
    public int MinimumNoticeHours { get; set; } = 24;
    /// <summary>How often the waiting lists are served as meetings come within the horizon; zero turns it off.</summary>
    public TimeSpan ServeWaitingListsEvery { get; set; } = TimeSpan.FromHours(1);
}
