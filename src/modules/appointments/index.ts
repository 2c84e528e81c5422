// What other modules may use of appointments; nothing else of this folder is imported from outside it.
export { type AppointmentDeps, appointmentJobHandlers, confirmAppointment } from "./confirm-appointment";
export { CONFIRM_JOB, queueAppointmentConfirmations } from "./queue-confirmation";
export { appointmentRoutes } from "./routes";
