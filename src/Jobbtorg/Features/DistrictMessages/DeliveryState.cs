namespace Jobbtorg.Features.DistrictMessages;

public enum DeliveryState
{
    /// <summary>Waiting to be sent to the district's endpoint (again, after a failed attempt).</summary>
    Pending,
    Delivered,
    /// <summary>Given up after the last attempt; an operator can send it again.</summary>
    Failed,
    /// <summary>The district has no endpoint: its case workers read the message in the inbox.</summary>
    Inbox,
}
