using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jobbtorg.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AttendanceRegistration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AttendanceDays_CaseId_Date",
                table: "AttendanceDays");

            migrationBuilder.AddColumn<int>(
                name: "ActivityTypeId",
                table: "AttendanceDays",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "AttendanceDays",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RecordedAt",
                table: "AttendanceDays",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "AttendanceDays",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedById",
                table: "AttendanceDays",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProviderId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AttendanceRoundRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Round = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RanAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Messages = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceRoundRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceDays_ActivityTypeId",
                table: "AttendanceDays",
                column: "ActivityTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceDays_CaseId_Date_ActivityTypeId",
                table: "AttendanceDays",
                columns: new[] { "CaseId", "Date", "ActivityTypeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceDays_Date_ActivityTypeId",
                table: "AttendanceDays",
                columns: new[] { "Date", "ActivityTypeId" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_ProviderId",
                table: "AspNetUsers",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceRoundRuns_Round_Date",
                table: "AttendanceRoundRuns",
                columns: new[] { "Round", "Date" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Providers_ProviderId",
                table: "AspNetUsers",
                column: "ProviderId",
                principalTable: "Providers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AttendanceDays_ActivityTypes_ActivityTypeId",
                table: "AttendanceDays",
                column: "ActivityTypeId",
                principalTable: "ActivityTypes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_Providers_ProviderId",
                table: "AspNetUsers");

            migrationBuilder.DropForeignKey(
                name: "FK_AttendanceDays_ActivityTypes_ActivityTypeId",
                table: "AttendanceDays");

            migrationBuilder.DropTable(
                name: "AttendanceRoundRuns");

            migrationBuilder.DropIndex(
                name: "IX_AttendanceDays_ActivityTypeId",
                table: "AttendanceDays");

            migrationBuilder.DropIndex(
                name: "IX_AttendanceDays_CaseId_Date_ActivityTypeId",
                table: "AttendanceDays");

            migrationBuilder.DropIndex(
                name: "IX_AttendanceDays_Date_ActivityTypeId",
                table: "AttendanceDays");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_ProviderId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ActivityTypeId",
                table: "AttendanceDays");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "AttendanceDays");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "AttendanceDays");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "AttendanceDays");

            migrationBuilder.DropColumn(
                name: "RecordedById",
                table: "AttendanceDays");

            migrationBuilder.DropColumn(
                name: "ProviderId",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceDays_CaseId_Date",
                table: "AttendanceDays",
                columns: new[] { "CaseId", "Date" });
        }
    }
}
