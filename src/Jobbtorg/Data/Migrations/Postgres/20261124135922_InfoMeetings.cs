using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jobbtorg.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InfoMeetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InfoMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JobCentreId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    Room = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    SeriesId = table.Column<Guid>(type: "uuid", nullable: true),
                    WeekStart = table.Column<DateOnly>(type: "date", nullable: false),
                    BookedSeats = table.Column<int>(type: "integer", nullable: false),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InfoMeetings", x => x.Id);
                    table.CheckConstraint("CK_InfoMeetings_Seats", "\"BookedSeats\" >= 0 AND \"BookedSeats\" <= \"Capacity\"");
                    table.ForeignKey(
                        name: "FK_InfoMeetings_JobCentres_JobCentreId",
                        column: x => x.JobCentreId,
                        principalTable: "JobCentres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InfoMeetingWaits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    JobCentreId = table.Column<int>(type: "integer", nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InfoMeetingWaits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InfoMeetingWaits_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuotaUsages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "date", nullable: false),
                    Used = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuotaUsages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuotaUsages_Districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "Districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InfoMeetingBookings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InfoMeetingId = table.Column<int>(type: "integer", nullable: false),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ChosenByHand = table.Column<bool>(type: "boolean", nullable: false),
                    BookedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BookedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OutcomeAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OutcomeBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ActiveCaseId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InfoMeetingBookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InfoMeetingBookings_Cases_ActiveCaseId",
                        column: x => x.ActiveCaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InfoMeetingBookings_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InfoMeetingBookings_InfoMeetings_InfoMeetingId",
                        column: x => x.InfoMeetingId,
                        principalTable: "InfoMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InfoMeetingBookings_ActiveCaseId",
                table: "InfoMeetingBookings",
                column: "ActiveCaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InfoMeetingBookings_CaseId",
                table: "InfoMeetingBookings",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_InfoMeetingBookings_InfoMeetingId_Status",
                table: "InfoMeetingBookings",
                columns: new[] { "InfoMeetingId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_InfoMeetings_JobCentreId_Kind_StartsAt",
                table: "InfoMeetings",
                columns: new[] { "JobCentreId", "Kind", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InfoMeetingWaits_CaseId",
                table: "InfoMeetingWaits",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InfoMeetingWaits_JobCentreId_Kind",
                table: "InfoMeetingWaits",
                columns: new[] { "JobCentreId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_QuotaUsages_DistrictId_Kind_WeekStart",
                table: "QuotaUsages",
                columns: new[] { "DistrictId", "Kind", "WeekStart" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InfoMeetingBookings");

            migrationBuilder.DropTable(
                name: "InfoMeetingWaits");

            migrationBuilder.DropTable(
                name: "QuotaUsages");

            migrationBuilder.DropTable(
                name: "InfoMeetings");
        }
    }
}
